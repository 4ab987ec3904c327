// In the backend's package: H2UniqueIndex's constructor is package-private.
package de.bwaldvogel.mongo.backend.h2;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListMap;

import org.h2.mvstore.MVMap;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;

/**
 * A compound, all-ascending, non-sparse unique index that can also be walked in MongoDB value
 * order, so that {@link OrderedH2Collection} serves "equality on a leading prefix, sort by the
 * remaining keys, limit" from it instead of reading and sorting the whole collection.
 *
 * <p>The H2 map behind the index orders its {@link KeyValue} keys by H2's own serialized-object
 * order, not by MongoDB's value order, so this index keeps an ordered in-memory view of the same
 * entries ({@link ValueComparator} element by element). The view mirrors every put and remove of
 * the H2 map and is rebuilt from it when the index is opened, so after a restart it holds exactly
 * what the store committed.
 *
 * <p>The view is only offered for walking while it is known to hold exactly one entry per
 * document: a document with an array (multikey) value in a key, or two keys the comparator
 * cannot tell apart, switch the walk off for good (every query then takes the old path).
 */
public class OrderedUniqueIndex extends PrefixMatchingUniqueIndex {

    /** Keys in MongoDB order: element by element with {@link ValueComparator#asc()}, shorter first. */
    static int compareKeys(KeyValue a, KeyValue b) {
        int n = Math.min(a.size(), b.size());
        for (int i = 0; i < n; i++) {
            int cmp = ValueComparator.asc().compare(a.get(i), b.get(i));
            if (cmp != 0) {
                return cmp;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    private final MVMap<KeyValue, Object> mvMap;
    private final ConcurrentSkipListMap<KeyValue, Object> ordered =
        new ConcurrentSkipListMap<>(OrderedUniqueIndex::compareKeys);
    /** Entries in {@link #ordered}: its size() counts them one by one. */
    private long orderedEntries;
    private volatile boolean walkable = true;

    public OrderedUniqueIndex(MVMap<KeyValue, Object> mvMap, String name, List<IndexKey> keys, boolean sparse) {
        super(mvMap, name, keys, sparse);
        this.mvMap = mvMap;
        Set<Object> positions = new HashSet<>();
        for (Map.Entry<KeyValue, Object> entry : mvMap.entrySet()) {
            mirrorPut(entry.getKey(), entry.getValue());
            if (!positions.add(entry.getValue())) {
                walkable = false;
            }
        }
    }

    /** Whether an index with these options gets an ordered view at all. */
    static boolean qualifies(List<IndexKey> keys, boolean sparse) {
        if (sparse || keys.size() < 2) {
            return false;
        }
        for (IndexKey key : keys) {
            if (!key.isAscending() || key.getKey().contains(".") || key.getKey().startsWith("$")) {
                return false;
            }
        }
        return true;
    }

    public List<String> keyNames() {
        return keys();
    }

    /**
     * The ordered view, for a walk over a collection of {@code documentCount} documents, or null
     * when it must not be walked: it is (or once was) not exactly one entry per document.
     */
    synchronized NavigableMap<KeyValue, Object> orderedView(long documentCount) {
        if (!walkable || mvMap.sizeAsLong() != documentCount || orderedEntries != mvMap.sizeAsLong()) {
            return null;
        }
        return ordered;
    }

    private void mirrorPut(KeyValue keyValue, Object position) {
        Object previous = ordered.putIfAbsent(keyValue, position);
        if (previous == null) {
            orderedEntries++;
        } else {
            // Distinct for H2 yet equal for the comparator (or a real duplicate): the view cannot
            // stand for the index any more.
            walkable = false;
        }
    }

    @Override
    public synchronized void add(Document document, Object position, MongoCollection<Object> collection) {
        super.add(document, position, collection);
        noteShape(document);
    }

    @Override
    public synchronized void updateInPlace(Document oldDocument, Document newDocument, Object position,
                                           MongoCollection<Object> collection) {
        super.updateInPlace(oldDocument, newDocument, position, collection);
        noteShape(newDocument);
    }

    /** An array in a key (a multikey entry, even of one element) switches the walk off. */
    private void noteShape(Document document) {
        for (String key : keys()) {
            if (Utils.getSubdocumentValueCollectionAware(document, key) instanceof Collection) {
                walkable = false;
            }
        }
    }

    @Override
    protected synchronized boolean putKeyPosition(KeyValue keyValue, Object position) {
        boolean added = super.putKeyPosition(keyValue, position);
        if (added) {
            mirrorPut(keyValue, Missing.ofNullable(position));
        }
        return added;
    }

    @Override
    protected synchronized Object removeDocument(KeyValue keyValue) {
        Object removed = super.removeDocument(keyValue);
        if (removed != null) {
            if (ordered.remove(keyValue, removed)) {
                orderedEntries--;
            } else {
                walkable = false;
            }
        }
        return removed;
    }
}
