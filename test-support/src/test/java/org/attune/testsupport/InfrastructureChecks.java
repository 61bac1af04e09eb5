package org.attune.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClients;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.config.ConfigResource;
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

    static void keepsHealthTopicsThirtyDaysAndCompactsConsent(TestInfrastructure infrastructure) throws Exception {
        var thirtyDays = String.valueOf(Duration.ofDays(30).toMillis());
        try (var admin = Admin.create(Map.<String, Object>of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.bootstrapServers()))) {
            var resources = Topics.allWithDeadLetters().stream()
                    .map(topic -> new ConfigResource(ConfigResource.Type.TOPIC, topic))
                    .toList();
            // A topic's config reaches the broker a moment after the controller committed it.
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                var configs = admin.describeConfigs(resources).all().get();

                assertThat(configs).hasSize(18);
                for (var resource : resources) {
                    var config = configs.get(resource);
                    if (resource.name().equals(Topics.CONSENT)) {
                        assertThat(config.get("cleanup.policy").value()).isEqualTo("compact");
                    } else {
                        assertThat(config.get("cleanup.policy").value())
                                .as(resource.name())
                                .isEqualTo("delete");
                        assertThat(config.get("retention.ms").value())
                                .as(resource.name())
                                .isEqualTo(thirtyDays);
                    }
                }
            });
        }
    }
}
