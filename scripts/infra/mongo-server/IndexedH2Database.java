package de.bwaldvogel.mongo.backend.h2;

import java.util.List;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;

/**
 * H2Database whose unique indexes (and `_id`) also serve filters with further conditions, and
 * whose compound ascending unique indexes also serve sorted, limited finds in key order
 * ({@link OrderedH2Collection}).
 */
public class IndexedH2Database extends H2Database {

    /**
     * The process's one store. H2Database's constructor already opens the indexes, before a
     * field of this subclass could be assigned, so the store cannot be an instance field.
     */
    private static MVStore store;

    public static void useStore(MVStore mvStore) {
        store = mvStore;
    }

    public IndexedH2Database(String databaseName, CursorRegistry cursorRegistry) {
        super(databaseName, store, cursorRegistry);
    }

    @Override
    protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys, boolean sparse) {
        MVMap<KeyValue, Object> mvMap = store.openMap(getFullCollectionNamespace(collectionName) + "._index_" + indexName);
        if (OrderedUniqueIndex.qualifies(keys, sparse)) {
            return new OrderedUniqueIndex(mvMap, indexName, keys, sparse);
        }
        return new PrefixMatchingUniqueIndex(mvMap, indexName, keys, sparse);
    }

    /** As H2Database's, with a collection that walks {@link OrderedUniqueIndex}es for sorted, limited finds. */
    @Override
    protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
        String fullCollectionName = getFullCollectionNamespace(collectionName);
        MVMap<Object, Document> dataMap = store.openMap(DATABASES_PREFIX + fullCollectionName);
        MVMap<String, Object> metaMap = store.openMap("meta." + fullCollectionName);
        return new OrderedH2Collection(this, collectionName, options, dataMap, metaMap, cursorRegistry);
    }
}
