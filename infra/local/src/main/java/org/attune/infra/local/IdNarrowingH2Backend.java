package org.attune.infra.local;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server's H2 backend, with one change: a query that pins {@code _id} (an equality or {@code $in}) next to
 * other conditions starts from the {@code _id} index instead of scanning the collection. The stock server uses the index
 * only for a query that is exactly {@code {_id: …}}, so every conditional single-document write ({@code {_id, state,
 * leaseOwner}}) scanned every document, and a backlog of n such writes cost O(n²) (issue 14, P4: two thirds of the
 * store's CPU was matching whole collections). The full query still runs on what the index returns, so the results
 * are the same; only the documents looked at are fewer.
 */
class IdNarrowingH2Backend extends H2Backend {

    IdNarrowingH2Backend(MVStore store) {
        super(store);
    }

    static IdNarrowingH2Backend inMemoryStore() {
        return new IdNarrowingH2Backend(MVStore.open(null));
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new Database(databaseName, getMvStore(), getCursorRegistry());
    }

    private static final class Database extends H2Database {

        private final MVStore store;

        Database(String name, MVStore store, CursorRegistry cursors) {
            // Set before the superclass constructor, which opens the existing collections through the method below.
            this.store = store;
            super(name, store, cursors);
        }

        /** As {@link H2Database} opens a collection (the same map names), as a {@link Collection}. */
        @Override
        protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
            var namespace = getFullCollectionNamespace(collectionName);
            return new Collection(
                    this,
                    collectionName,
                    options,
                    store.openMap("databases." + namespace),
                    store.openMap("meta." + namespace),
                    cursorRegistry);
        }
    }

    private static final class Collection extends H2Collection {

        Collection(
                MongoDatabase database,
                String name,
                CollectionOptions options,
                org.h2.mvstore.MVMap<Object, Document> data,
                org.h2.mvstore.MVMap<String, Object> meta,
                CursorRegistry cursors) {
            super(database, name, options, data, meta, cursors);
        }

        @Override
        protected QueryResult queryDocuments(
                Document query, Document orderBy, int skip, int limit, int batchSize, Document fieldSelector) {
            if (query.size() > 1 && query.containsKey("_id")) {
                var byId = new Document("_id", query.get("_id"));
                for (Index<Object> index : getIndexes()) {
                    if (index.canHandle(byId)) {
                        return matchDocuments(
                                query, index.getPositions(byId), orderBy, skip, limit, batchSize, fieldSelector);
                    }
                }
            }
            return super.queryDocuments(query, orderBy, skip, limit, batchSize, fieldSelector);
        }
    }
}
