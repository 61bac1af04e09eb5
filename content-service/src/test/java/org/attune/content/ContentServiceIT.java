package org.attune.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.attune.events.AccountErased;
import org.attune.events.CheckInRecorded;
import org.attune.events.ContentRecommended;
import org.attune.events.EventJson;
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
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.web.reactive.function.client.WebClient;
import tools.jackson.databind.json.JsonMapper;

@AttuneIntegrationTest
@Import(TestClockConfig.class)
class ContentServiceIT {

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
    void every_operation_in_the_openapi_document_has_a_summary() {
        var paths = JsonMapper.builder().build().readTree(get("/v3/api-docs")).path("paths");
        var operations = new ArrayList<String>();
        var withoutSummary = new ArrayList<String>();
        paths.properties()
                .forEach(path -> path.getValue().properties().forEach(operation -> {
                    operations.add(operation.getKey() + " " + path.getKey());
                    if (operation.getValue().path("summary").asString("").isBlank()) {
                        withoutSummary.add(operation.getKey() + " " + path.getKey());
                    }
                }));
        assertThat(operations).contains("get /api/v1/access-log", "post /api/v1/clients/{clientId}/assignments");
        assertThat(withoutSummary).isEmpty();
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
    void consumes_a_redelivered_check_in_once_one_recommendation_and_one_event() throws Exception {
        var client = UUID.randomUUID();
        var hyper = checkIn(client, WindowOfTolerance.HYPER);
        var later = checkIn(client, WindowOfTolerance.HYPO);
        try (var probe = EventProbe.open(bootstrap, Topics.CONTENT);
                var events = new org.attune.testsupport.EventPublisher(bootstrap)) {
            events.publish(hyper);
            events.publish(hyper); // a redelivery must not be applied twice
            events.publish(later);
            // One key, so one partition in order both ways: once the later check-in's recommendation is out, whatever
            // the two copies before it caused is out too.
            probe.await(
                    ContentRecommended.class, e -> e.triggerEventId().equals(later.eventId()), Duration.ofSeconds(30));

            var fromHyper = Query.query(
                    Criteria.where("triggerEventId").is(hyper.eventId().toString()));
            assertThat(mongo.count(fromHyper, Document.class, "recommendations").block())
                    .isEqualTo(1);
            assertThat(probe.records().stream()
                            .map(r -> EventJson.read(r.value()))
                            .filter(e -> e instanceof ContentRecommended r
                                    && r.triggerEventId().equals(hyper.eventId())))
                    .as("ContentRecommended published for the check-in")
                    .hasSize(1);
        }
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
        // The event after the poison one still did its work: the account is marked erased.
        await().atMost(Duration.ofSeconds(30))
                .until(() -> mongo.count(
                                        Query.query(Criteria.where("_id")
                                                .is(good.clientId().toString())),
                                        Document.class,
                                        "erased_accounts")
                                .block()
                        == 1);
    }

    static CheckInRecorded checkIn(UUID client, WindowOfTolerance window) {
        return CheckInRecorded.of(
                client, UUID.randomUUID(), 5, window, List.of("tired"), 5, 7.0, List.of(), false, LocalDate.now());
    }
}
