package org.attune.checkin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;
import org.attune.events.CheckInRecorded;
import org.attune.events.Topics;
import org.attune.testsupport.AttuneInfrastructureInitializer;
import org.attune.testsupport.EventProbe;
import org.attune.testsupport.TestInfrastructure;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/** A crash between storing a check-in and publishing its event loses nothing: the next start publishes it. */
class OutboxRecoveryIT {

    static ConfigurableApplicationContext start(String database, boolean relayEnabled) {
        return new SpringApplicationBuilder(CheckinServiceApplication.class)
                .initializers(new AttuneInfrastructureInitializer())
                .properties("attune.test.database=" + database)
                // Command-line arguments, so they win over application.yml.
                .run(
                        "--server.port=0",
                        // This instance needs no actuator server of its own.
                        "--management.server.port=-1",
                        "--attune.outbox.relay-enabled=" + relayEnabled,
                        "--spring.kafka.consumer.group-id=outbox-recovery-" + database);
    }

    @Test
    void a_check_in_stored_before_a_crash_is_published_after_the_restart() throws Exception {
        var database = "checkin_outbox_recovery_" + UUID.randomUUID().toString().substring(0, 8);
        var clientId = UUID.randomUUID();
        try (var probe = EventProbe.open(TestInfrastructure.get().bootstrapServers(), Topics.CHECKINS)) {
            // First run: the relay never gets to publish, as if the process died right after the store.
            try (var crashed = start(database, false)) {
                int port =
                        ((WebServerApplicationContext) crashed).getWebServer().getPort();
                new Api(port)
                        .post(clientId, "/api/v1/checkins", Api.checkIn(4))
                        .expectStatus()
                        .isCreated();
                var mongo = crashed.getBean(ReactiveMongoTemplate.class);
                var pending = Query.query(Criteria.where("clientId")
                        .is(clientId)
                        .and("outbox.events.0")
                        .exists(true));
                assertThat(mongo.count(pending, Document.class, "checkins").block())
                        .isEqualTo(1);
            }
            await().during(Duration.ofMillis(500))
                    .atMost(Duration.ofSeconds(5))
                    .untilAsserted(() -> assertThat(
                                    probe.records().stream().filter(r -> r.key().equals(clientId.toString())))
                            .as("nothing was published before the crash")
                            .isEmpty());

            // Restart: the sweep finds the pending outbox and publishes it.
            try (var restarted = start(database, true)) {
                var event =
                        probe.await(CheckInRecorded.class, e -> e.clientId().equals(clientId), Duration.ofSeconds(40));
                assertThat(event.mood()).isEqualTo(4);
                var mongo = restarted.getBean(ReactiveMongoTemplate.class);
                var published = Query.query(Criteria.where("clientId")
                        .is(clientId)
                        .and("outbox.events.0")
                        .exists(false));
                await().atMost(Duration.ofSeconds(10))
                        .until(
                                () -> mongo.count(published, Document.class, "checkins")
                                        .block(),
                                count -> count == 1);
                assertThat(probe.records().stream()
                                .filter(r -> r.key().equals(clientId.toString()))
                                .count())
                        .as("published once after the restart")
                        .isEqualTo(1);
            }
        }
    }
}
