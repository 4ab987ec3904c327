// In the backend's package: H2UniqueIndex's constructor is package-private.
package de.bwaldvogel.mongo.backend.h2;

import java.util.List;

import org.h2.mvstore.MVMap;

import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;

/**
 * A unique index that also serves a filter naming its keys plus further conditions, such as a
 * guarded update {@code {_id, version}}. mongo-java-server uses an index only when the filter's
 * keys equal the index's keys, so such a guard would scan the whole collection. The index finds
 * the candidates by its own keys; the collection then matches the whole filter against them, as
 * it does for every index lookup.
 */
public class PrefixMatchingUniqueIndex extends H2UniqueIndex {

    public PrefixMatchingUniqueIndex(MVMap<KeyValue, Object> mvMap, String name, List<IndexKey> keys, boolean sparse) {
        super(mvMap, name, keys, sparse);
    }

    @Override
    public synchronized boolean canHandle(Document query) {
        if (super.canHandle(query)) {
            return true;
        }
        if (!query.keySet().containsAll(keySet())) {
            return false;
        }
        Document ownKeys = new Document();
        for (String key : keys()) {
            ownKeys.put(key, query.get(key));
        }
        return super.canHandle(ownKeys);
    }
}
