package org.attune.infra.local;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.bson.Document;
import java.util.List;
import org.junit.jupiter.api.Test;

class DurableH2BackendTest {

    @Test
    void only_commands_that_cannot_change_data_are_answered_without_waiting_for_the_file() {
        for (var read : List.of("find", "getMore", "count", "hello", "isMaster", "listCollections", "ping")) {
            assertThat(DurableH2Backend.readsOnly(read, new Document()))
                    .as(read)
                    .isTrue();
        }
        for (var write : List.of(
                "insert", "update", "delete", "findAndModify", "createIndexes", "drop", "dropDatabase", "create")) {
            assertThat(DurableH2Backend.readsOnly(write, new Document()))
                    .as(write)
                    .isFalse();
        }
    }

    @Test
    void an_aggregation_that_writes_its_result_waits_for_the_file() {
        var match = new Document("$match", new Document());

        assertThat(DurableH2Backend.readsOnly("aggregate", new Document("pipeline", List.of(match))))
                .isTrue();
        assertThat(DurableH2Backend.readsOnly(
                        "aggregate", new Document("pipeline", List.of(match, new Document("$out", "copy")))))
                .isFalse();
        assertThat(DurableH2Backend.readsOnly(
                        "aggregate", new Document("pipeline", List.of(new Document("$merge", "copy")))))
                .isFalse();
    }
}
