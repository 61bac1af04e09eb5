package org.attune.infra.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.function.Function;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real MongoDB applies a conditional update (find-and-modify, update with a filter, {@code $inc}) to one document
 * atomically; every claim and lease in Attune (outbox, escalations, reminders) relies on it. The embedded store must
 * keep that promise when several connections write at once, in memory (tests) and on file (the local stack).
 */
class SingleDocumentAtomicityIT {

    private static final int CONNECTIONS = 8;
    private static final int ROUNDS = 15;

    @TempDir
    Path dataDir;

    @Test
    void of_many_connections_claiming_the_same_document_at_once_exactly_one_wins_in_memory() throws Exception {
        try (var store = EmbeddedMongo.startInMemory(0)) {
            assertExactlyOneClaimWinsEachRound(store);
        }
    }

    @Test
    void of_many_connections_claiming_the_same_document_at_once_exactly_one_wins_on_file() throws Exception {
        try (var store = EmbeddedMongo.startPersistent(dataDir.resolve("atomicity.mv"), 0)) {
            assertExactlyOneClaimWinsEachRound(store);
        }
    }

    @Test
    void increments_from_many_connections_at_once_are_all_counted() throws Exception {
        try (var store = EmbeddedMongo.startInMemory(0)) {
            var counts = collections(store, "counts");
            counts.getFirst().insertOne(new Document("_id", "counter").append("n", 0));
            int perConnection = 50;
            runTogether(counts, collection -> {
                for (int i = 0; i < perConnection; i++) {
                    collection.updateOne(Filters.eq("_id", "counter"), Updates.inc("n", 1));
                }
                return 0;
            });
            var stored = counts.getFirst().find(Filters.eq("_id", "counter")).first();
            assertThat(stored.getInteger("n")).isEqualTo(CONNECTIONS * perConnection);
        }
    }

    @Test
    void of_many_connections_inserting_the_same_id_at_once_exactly_one_succeeds_and_one_document_is_stored()
            throws Exception {
        try (var store = EmbeddedMongo.startInMemory(0)) {
            var inserts = collections(store, "inserts");
            var successesPerRound = new ArrayList<Integer>();
            var documentsPerRound = new ArrayList<Long>();
            for (int round = 0; round < ROUNDS; round++) {
                var id = "doc-" + round;
                successesPerRound.add(runTogether(inserts, collection -> {
                    try {
                        collection.insertOne(new Document("_id", id)
                                .append("by", Thread.currentThread().getName()));
                        return 1;
                    } catch (com.mongodb.MongoWriteException duplicate) {
                        return 0;
                    }
                }));
                documentsPerRound.add(inserts.getFirst().countDocuments(Filters.eq("_id", id)));
            }
            assertThat(successesPerRound).containsOnly(1);
            assertThat(documentsPerRound).containsOnly(1L);
            assertThat(inserts.getFirst().countDocuments()).isEqualTo(ROUNDS);
        }
    }

    private void assertExactlyOneClaimWinsEachRound(EmbeddedMongo store) throws Exception {
        var claims = collections(store, "claims");
        var winnersPerRound = new ArrayList<Integer>();
        for (int round = 0; round < ROUNDS; round++) {
            var id = "doc-" + round;
            claims.getFirst().insertOne(new Document("_id", id).append("claimedBy", null));
            int winners = runTogether(
                    claims,
                    collection -> collection.findOneAndUpdate(
                                            Filters.and(Filters.eq("_id", id), Filters.eq("claimedBy", null)),
                                            Updates.set(
                                                    "claimedBy",
                                                    Thread.currentThread().getName()),
                                            new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER))
                                    != null
                            ? 1
                            : 0);
            winnersPerRound.add(winners);
        }
        assertThat(winnersPerRound).containsOnly(1);
    }

    /** One client (and so one connection pool) per caller, so the calls really arrive on separate connections. */
    private static ArrayList<MongoCollection<Document>> collections(EmbeddedMongo store, String name) {
        var collections = new ArrayList<MongoCollection<Document>>();
        for (int i = 0; i < CONNECTIONS; i++) {
            var client = MongoClients.create(store.connectionString());
            Runtime.getRuntime().addShutdownHook(new Thread(client::close));
            collections.add(client.getDatabase("atomicity").getCollection(name));
        }
        return collections;
    }

    /** Runs the call once per connection, all released at the same moment; the sum of what they return. */
    private static int runTogether(
            ArrayList<MongoCollection<Document>> collections, Function<MongoCollection<Document>, Integer> call)
            throws Exception {
        var start = new CyclicBarrier(collections.size());
        var tasks = new ArrayList<Callable<Integer>>();
        for (var collection : collections) {
            tasks.add(() -> {
                start.await();
                return call.apply(collection);
            });
        }
        try (var pool = Executors.newFixedThreadPool(collections.size())) {
            int sum = 0;
            for (var result : pool.invokeAll(tasks)) {
                sum += result.get();
            }
            return sum;
        }
    }
}
