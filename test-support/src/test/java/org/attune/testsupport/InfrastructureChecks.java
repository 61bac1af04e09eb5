package org.attune.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClients;
import java.time.Duration;
import java.util.UUID;
import org.attune.events.AccountErased;
import org.attune.events.Role;
import org.attune.events.Topics;
import org.bson.Document;

/** What every kind of test infrastructure must offer: a broker that carries events and a store that keeps data. */
final class InfrastructureChecks {

    private InfrastructureChecks() {}

    static void carriesAnEventThroughTheBroker(TestInfrastructure infrastructure) throws Exception {
        var event = AccountErased.of(UUID.randomUUID(), Role.CLIENT);
        try (var probe = EventProbe.open(infrastructure.bootstrapServers(), Topics.ACCOUNTS);
                var publisher = new EventPublisher(infrastructure.bootstrapServers())) {
            publisher.publish(event);
            assertThat(probe.await(
                            AccountErased.class, e -> e.eventId().equals(event.eventId()), Duration.ofSeconds(30)))
                    .isEqualTo(event);
        }
    }

    static void storesAndFindsADocument(TestInfrastructure infrastructure) {
        var id = UUID.randomUUID().toString();
        try (var client = MongoClients.create(infrastructure.mongoUri("probe"))) {
            var collection = client.getDatabase("probe").getCollection("documents");
            collection.insertOne(new Document("_id", id).append("kind", "probe"));
            assertThat(collection.find(new Document("_id", id)).first()).containsEntry("kind", "probe");
        }
    }
}
