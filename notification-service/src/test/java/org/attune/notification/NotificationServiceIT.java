package org.attune.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.attune.events.AccountErased;
import org.attune.events.CheckInRecorded;
import org.attune.events.ContentAssigned;
import org.attune.events.Role;
import org.attune.events.Topics;
import org.attune.events.WindowOfTolerance;
import org.attune.kit.erasure.ErasedAccounts;
import org.attune.kit.messaging.EventPublisher;
import org.attune.notification.store.NotificationKind;
import org.attune.notification.support.IntegrationTestBase;
import org.attune.notification.support.TestMail;
import org.attune.testsupport.EventProbe;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.web.reactive.function.client.WebClient;
import tools.jackson.databind.json.JsonMapper;

class NotificationServiceIT extends IntegrationTestBase {

    @Autowired
    EventPublisher publisher;

    String get(String path) {
        return get(port, path);
    }

    String management(String path) {
        return get(managementPort, path);
    }

    String get(int port, String path) {
        // The metrics page holds every Kafka consumer's metrics: one consumer per partition and listener makes it
        // larger than WebClient's default 256 KB buffer.
        return WebClient.builder()
                .baseUrl("http://127.0.0.1:" + port)
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(16 * 1024 * 1024))
                .build()
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
    void every_operation_in_the_openapi_document_has_a_summary() {
        var operations = new java.util.ArrayList<String>();
        var paths = JsonMapper.shared().readTree(get("/v3/api-docs")).path("paths");
        for (var path : paths.properties()) {
            for (var operation : path.getValue().properties()) {
                if (operation.getValue().path("summary").asString("").isBlank()) {
                    operations.add(operation.getKey() + " " + path.getKey());
                }
            }
        }
        assertThat(paths.size()).isPositive();
        assertThat(operations).as("operations without a summary").isEmpty();
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
    void a_redelivered_event_makes_one_notification_and_one_email() {
        var client = UUID.randomUUID();
        var address = "client-" + client + "@example.org";
        asClient(client)
                .put()
                .uri("/api/v1/preferences")
                .bodyValue(Map.of(
                        "timeZone",
                        "UTC",
                        "quietHoursStart",
                        "00:00",
                        "quietHoursEnd",
                        "00:00",
                        "channels",
                        List.of("IN_APP", "EMAIL"),
                        "email",
                        address))
                .exchange()
                .expectStatus()
                .isOk();
        var assigned = ContentAssigned.of(
                client, UUID.randomUUID(), UUID.randomUUID(), "grounding", "Five things you can see", null, null);
        try (var events = new org.attune.testsupport.EventPublisher(bootstrap)) {
            events.publish(assigned);
            events.publish(assigned); // a redelivery must not be applied twice
        }

        await("emailed", () -> TestMail.to(address).size() == 1);
        settle();
        assertThat(store.count(Query.query(Criteria.where("recipientId")
                                .is(client.toString())
                                .and("kind")
                                .is(NotificationKind.CONTENT_ASSIGNED.name())))
                        .block())
                .isEqualTo(1);
        assertThat(TestMail.to(address)).hasSize(1);
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
        await(
                "the next event is applied: the account is marked erased",
                () -> mongo.exists(
                                Query.query(
                                        Criteria.where("_id").is(good.clientId().toString())),
                                ErasedAccounts.COLLECTION)
                        .block());
    }
}
