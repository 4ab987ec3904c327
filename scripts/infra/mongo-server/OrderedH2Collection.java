package de.bwaldvogel.mongo.backend.h2;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.UUID;

import org.h2.mvstore.MVMap;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;

/**
 * H2Collection that serves "equality on a leading prefix of an index's keys, sorted by its
 * remaining keys, with a limit" from an {@link OrderedUniqueIndex}: it walks the index in key
 * order from the prefix, matches each document against the whole filter and stops once
 * skip + limit documents matched, so the cost follows the documents returned (and skipped), not
 * the collection. mongo-java-server itself reads every document and sorts them in memory.
 *
 * <p>Because the index is unique, its keys order the documents totally, so the walk returns
 * exactly what the in-memory sort by the same keys would. Every other query, and every query an
 * index already serves by exact key, takes mongo-java-server's own path unchanged.
 */
public class OrderedH2Collection extends H2Collection {

    public OrderedH2Collection(MongoDatabase database, String collectionName, CollectionOptions options,
                               MVMap<Object, Document> dataMap, MVMap<String, Object> metaMap,
                               CursorRegistry cursorRegistry) {
        super(database, collectionName, options, dataMap, metaMap, cursorRegistry);
    }

    @Override
    protected QueryResult queryDocuments(Document query, Document orderBy, int numberToSkip, int limit, int batchSize,
                                         Document fieldSelector) {
        if (query != null && orderBy != null && !orderBy.isEmpty() && limit > 0 && numberToSkip >= 0) {
            QueryResult walked = walkOrderedIndex(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
            if (walked != null) {
                return walked;
            }
        }
        return super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
    }

    private QueryResult walkOrderedIndex(Document query, Document orderBy, int numberToSkip, int limit, int batchSize,
                                         Document fieldSelector) {
        List<Index<Object>> indexes = getIndexes();
        for (Index<Object> index : indexes) {
            if (index.canHandle(query)) {
                // mongo-java-server looks the documents up by key: keep that.
                return null;
            }
        }
        for (Index<Object> index : indexes) {
            if (!(index instanceof OrderedUniqueIndex)) {
                continue;
            }
            OrderedUniqueIndex ordered = (OrderedUniqueIndex) index;
            List<Object> prefix = equalityPrefix(ordered.keyNames(), query, orderBy);
            if (prefix == null) {
                continue;
            }
            NavigableMap<KeyValue, Object> view = ordered.orderedView(count());
            if (view == null) {
                continue;
            }
            KeyValue from = new KeyValue(prefix).normalized();
            int wanted = numberToSkip + limit;
            List<Document> matched = new ArrayList<>(Math.min(wanted, 1024));
            for (Map.Entry<KeyValue, Object> entry : view.tailMap(from, true).entrySet()) {
                if (!startsWith(entry.getKey(), from)) {
                    break;
                }
                Document document = getDocument(entry.getValue());
                if (document == null) {
                    // The view and the data disagree (it should not happen): do it the old way.
                    return null;
                }
                if (documentMatchesQuery(document, query)) {
                    matched.add(document);
                    if (matched.size() >= wanted) {
                        break;
                    }
                }
            }
            // In index order already: no comparator. Skip, limit, projection and batching as usual.
            return matchDocumentsFromStream(query, matched.stream(), numberToSkip, limit, batchSize, null, fieldSelector);
        }
        return null;
    }

    /**
     * The query's values for the index's leading keys when the query has plain equality
     * conditions on them and the sort is exactly the remaining keys, ascending; else null.
     */
    static List<Object> equalityPrefix(List<String> indexKeys, Document query, Document orderBy) {
        List<String> sortKeys = new ArrayList<>(orderBy.keySet());
        int prefixLength = indexKeys.size() - sortKeys.size();
        if (prefixLength < 1) {
            return null;
        }
        for (int i = 0; i < sortKeys.size(); i++) {
            String sortKey = sortKeys.get(i);
            Object direction = orderBy.get(sortKey);
            if (!sortKey.equals(indexKeys.get(prefixLength + i)) || !isAscending(direction)) {
                return null;
            }
        }
        List<Object> prefix = new ArrayList<>(prefixLength);
        for (int i = 0; i < prefixLength; i++) {
            String key = indexKeys.get(i);
            if (!query.containsKey(key) || !isPlainValue(query.get(key))) {
                return null;
            }
            prefix.add(query.get(key));
        }
        return prefix;
    }

    private static boolean isAscending(Object direction) {
        if (!(direction instanceof Integer || direction instanceof Long || direction instanceof Double)) {
            return false;
        }
        return ((Number) direction).doubleValue() == 1.0;
    }

    /** A scalar whose equality match is exactly "compares equal in value order". */
    private static boolean isPlainValue(Object value) {
        return value instanceof String || value instanceof Boolean || value instanceof ObjectId
            || value instanceof Instant || value instanceof UUID
            || ((value instanceof Integer || value instanceof Long || value instanceof Double)
                && !(value instanceof Double && ((Double) value).isNaN()));
    }

    private static boolean startsWith(KeyValue key, KeyValue prefix) {
        if (key.size() < prefix.size()) {
            return false;
        }
        for (int i = 0; i < prefix.size(); i++) {
            if (ValueComparator.asc().compare(key.get(i), prefix.get(i)) != 0) {
                return false;
            }
        }
        return true;
    }
}
