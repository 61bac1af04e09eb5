package org.attune.infra.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A query that pins {@code _id} next to other conditions answers exactly as a collection scan would (the store only
 * starts from the {@code _id} index), in memory and in a store file reopened after a restart.
 */
class IdNarrowingIT {

    @TempDir
    Path dataDir;

    @Test
    void conditional_reads_and_writes_by_id_match_only_what_the_whole_query_matches() {
        try (var mongo = EmbeddedMongo.startInMemory(0)) {
            checkAgainst(mongo);
        }
    }

    @Test
    void a_reopened_store_file_answers_the_same() throws Exception {
        var file = dataDir.resolve("mongo/attune.mv");
        try (var mongo = EmbeddedMongo.startPersistent(file, 0)) {
            checkAgainst(mongo);
        }
        try (var mongo = EmbeddedMongo.startPersistent(file, 0);
                var client = MongoClients.create(mongo.connectionString())) {
            var notes = client.getDatabase("narrowing").getCollection("notes");
            assertThat(notes.countDocuments()).isEqualTo(5);
            assertThat(notes.find(Filters.and(Filters.eq("_id", "n1"), Filters.eq("state", "DONE")))
                            .first())
                    .isNotNull();
        }
    }

    private static void checkAgainst(EmbeddedMongo mongo) {
        try (var client = MongoClients.create(mongo.connectionString())) {
            var notes = client.getDatabase("narrowing").getCollection("notes");
            for (int i = 0; i < 5; i++) {
                notes.insertOne(new Document("_id", "n" + i)
                        .append("state", i % 2 == 0 ? "OPEN" : "DONE")
                        .append("rank", 5 - i));
            }

            // equality on _id plus a condition that holds, and one that does not
            assertThat(notes.find(Filters.and(Filters.eq("_id", "n0"), Filters.eq("state", "OPEN")))
                            .first())
                    .isNotNull();
            assertThat(notes.find(Filters.and(Filters.eq("_id", "n0"), Filters.eq("state", "DONE")))
                            .first())
                    .isNull();
            // $in on _id with a condition, sorted: exactly the matching ones, in order
            var open = notes.find(
                            Filters.and(Filters.in("_id", "n0", "n1", "n2", "missing"), Filters.eq("state", "OPEN")))
                    .sort(Sorts.ascending("rank"))
                    .map(d -> d.getString("_id"))
                    .into(new ArrayList<>());
            assertThat(open).containsExactly("n2", "n0");
            // a conditional write by id changes only a document that still meets the condition
            var first = notes.updateOne(
                    Filters.and(Filters.eq("_id", "n2"), Filters.eq("state", "OPEN")), Updates.set("state", "DONE"));
            var again = notes.updateOne(
                    Filters.and(Filters.eq("_id", "n2"), Filters.eq("state", "OPEN")), Updates.set("state", "DONE"));
            assertThat(first.getModifiedCount()).isEqualTo(1);
            assertThat(again.getModifiedCount()).isZero();
            var many = notes.updateMany(
                    Filters.and(Filters.in("_id", List.of("n0", "n1", "n4")), Filters.eq("state", "OPEN")),
                    Updates.set("state", "DONE"));
            assertThat(many.getModifiedCount()).isEqualTo(2);
            assertThat(notes.countDocuments(Filters.eq("state", "OPEN"))).isZero();
            // find-and-modify by id and condition; a removed document is gone from the index too
            assertThat(notes.findOneAndUpdate(
                            Filters.and(Filters.eq("_id", "n3"), Filters.eq("state", "DONE")), Updates.set("rank", 9)))
                    .isNotNull();
            notes.deleteOne(Filters.eq("_id", "n3"));
            assertThat(notes.find(Filters.and(Filters.eq("_id", "n3"), Filters.eq("rank", 9)))
                            .first())
                    .isNull();
            notes.insertOne(new Document("_id", "n3").append("state", "DONE").append("rank", 2));
        }
    }
}
