package org.attune.checkin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.attune.events.AccountErased;
import org.attune.events.AttuneEvent;
import org.attune.events.CheckInRecorded;
import org.attune.events.ConsentEndReason;
import org.attune.events.ConsentRevoked;
import org.attune.events.DataClass;
import org.attune.events.Role;
import org.attune.events.Topics;
import org.attune.events.WindowOfTolerance;
import org.attune.kit.messaging.EventPublisher;
import org.attune.testsupport.AttuneIntegrationTest;
import org.attune.testsupport.EventProbe;
import org.attune.testsupport.TestInfrastructure;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.web.reactive.function.client.WebClient;

@AttuneIntegrationTest
class CheckinServiceIT {

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @Autowired
    EventPublisher publisher;

    @Autowired
    ReactiveMongoTemplate mongo;

    String bootstrap = TestInfrastructure.get().bootstrapServers();

    String get(String path) {
        return get(port, path);
    }

    String management(String path) {
        return get(managementPort, path);
    }

    String get(int port, String path) {
        return WebClient.create("http://127.0.0.1:" + port)
                .get()
                .uri(path)
                .retrieve()
                .bodyToMono(String.class)
                .block(Duration.ofSeconds(10));
    }

    @Test
    void reports_itself_healthy_and_ready() {
        assertThat(management("/actuator/health")).contains("\"status\":\"UP\"");
        assertThat(management("/actuator/health/readiness")).contains("\"status\":\"UP\"");
    }

    @Test
    void serves_prometheus_metrics_and_its_openapi_document() {
        assertThat(management("/actuator/prometheus")).contains("jvm_memory_used_bytes");
        assertThat(get("/v3/api-docs")).contains("\"openapi\"");
    }

    @Test
    void publishes_an_event_to_the_real_broker_keyed_by_client() throws Exception {
        var clientId = UUID.randomUUID();
        try (var probe = EventProbe.open(bootstrap, Topics.CHECKINS)) {
            var event = CheckInRecorded.of(
                    clientId,
                    UUID.randomUUID(),
                    6,
                    WindowOfTolerance.WITHIN,
                    List.of("calm"),
                    5,
                    7.5,
                    List.of(),
                    false,
                    LocalDate.of(2026, 11, 27));
            publisher.publish(event).block(Duration.ofSeconds(10));

            var seen = probe.await(CheckInRecorded.class, e -> e.clientId().equals(clientId), Duration.ofSeconds(20));
            assertThat(seen).isEqualTo(event);
            var record = probe.records().stream()
                    .filter(r -> r.key().equals(clientId.toString()))
                    .findFirst();
            assertThat(record).isPresent();
            assertThat(record.get().headers().toArray())
                    .as("no Java type headers on the wire")
                    .isEmpty();
        }
    }

    @Test
    void a_redelivered_grant_does_not_give_back_access_that_a_later_revocation_ended() throws Exception {
        var client = UUID.randomUUID();
        var therapist = UUID.randomUUID();
        var api = new Api(port);
        var path = "/api/v1/clients/" + client + "/checkins";
        var granted = Grants.grant(client, therapist, EnumSet.of(DataClass.MOOD_CHECKINS));
        var revoked = new ConsentRevoked(
                UUID.randomUUID(),
                Instant.now().plusMillis(5),
                AttuneEvent.CURRENT_SCHEMA_VERSION,
                client,
                granted.consentId(),
                therapist,
                ConsentEndReason.REVOKED_BY_CLIENT);
        try (var events = new org.attune.testsupport.EventPublisher(bootstrap)) {
            events.publish(granted);
            Grants.awaitStatus(api, therapist, path, 200);
            events.publish(revoked);
            Grants.awaitStatus(api, therapist, path, 403);
            events.publish(granted); // a redelivery of the older grant
            events.publish(revoked);
            var marker = UUID.randomUUID();
            // A later grant for another pair on the same partition key shows the redeliveries were consumed.
            events.publish(Grants.grant(client, marker, EnumSet.of(DataClass.MOOD_CHECKINS)));
            Grants.awaitStatus(api, marker, path, 200);
        }
        api.therapistGet(therapist, path).expectStatus().isForbidden();
        var stored = mongo.findById(client + ":" + therapist, Document.class, "consent_grants")
                .block();
        assertThat(stored.getString("status")).isEqualTo("INACTIVE");
    }

    @Test
    void sends_a_poison_message_to_the_dead_letter_topic_and_keeps_going() throws Exception {
        var good = AccountErased.of(UUID.randomUUID(), Role.CLIENT);
        try (var probe = EventProbe.open(bootstrap, Topics.deadLetterOf(Topics.ACCOUNTS));
                var events = new org.attune.testsupport.EventPublisher(bootstrap)) {
            var poisonKey = UUID.randomUUID().toString();
            events.publishRaw(Topics.ACCOUNTS, poisonKey, "{not json".getBytes(StandardCharsets.UTF_8));
            events.publish(good);

            var dead = probe.awaitRecord(Topics.deadLetterOf(Topics.ACCOUNTS), Duration.ofSeconds(30));
            assertThat(dead.key()).isEqualTo(poisonKey);
            assertThat(new String(dead.value(), StandardCharsets.UTF_8)).isEqualTo("{not json");
        }
        assertThat(awaitAppliedCount(good.eventId(), 1)).isEqualTo(1);
    }

    private long awaitAppliedCount(UUID eventId, long expected) {
        var query = Query.query(Criteria.where("_id").is(eventId.toString()));
        org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .until(() ->
                        mongo.count(query, Document.class, "applied_events").block() >= expected);
        return mongo.count(query, Document.class, "applied_events").block();
    }
}
