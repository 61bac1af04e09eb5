package org.attune.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.attune.events.AttuneEvent;
import org.attune.events.CheckInRecorded;
import org.attune.events.ConsentGranted;
import org.attune.events.DataClass;
import org.attune.events.EventJson;
import org.attune.events.Role;
import org.attune.events.Topics;
import org.attune.events.WindowOfTolerance;
import org.attune.kit.access.AccessLog;
import org.attune.kit.access.AccessLogEntry;
import org.attune.kit.erasure.Erasure;
import org.attune.kit.outbox.Outbox;
import org.attune.kit.outbox.OutboxRelay;
import org.attune.kit.testapp.KitTestApplication;
import org.attune.testsupport.AttuneInfrastructureInitializer;
import org.attune.testsupport.EventProbe;
import org.attune.testsupport.EventPublisher;
import org.attune.testsupport.TestInfrastructure;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** The kit's guarantees in two running instances of a small service on the real broker and store. */
class ServiceKitIT {

    private static final String DATABASE =
            "kit_test_" + UUID.randomUUID().toString().substring(0, 8);
    private static ConfigurableApplicationContext first;
    private static ConfigurableApplicationContext second;

    @BeforeAll
    static void startTwoInstances() {
        first = start();
        second = start();
    }

    @AfterAll
    static void stop() {
        first.close();
        second.close();
    }

    private static ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(KitTestApplication.class)
                .web(WebApplicationType.REACTIVE)
                .initializers(new AttuneInfrastructureInitializer())
                .properties(Map.of(
                        "server.port", "0",
                        "attune.test.database", DATABASE,
                        // the test runs the sweeps itself, both at once
                        "attune.outbox.sweep-interval", "1h"))
                .run();
    }

    @Test
    void two_instances_sweeping_the_same_outboxes_publish_each_event_once() throws Exception {
        var mongo = first.getBean(ReactiveMongoTemplate.class);
        var clients = new HashSet<UUID>();
        var due = Instant.now().minusSeconds(60);
        var documents = new ArrayList<Document>();
        for (int i = 0; i < 300; i++) {
            var client = UUID.randomUUID();
            clients.add(client);
            var outbox = Outbox.of(due.minus(Outbox.GRACE), List.of(checkIn(client)));
            documents.add(new Document("_id", UUID.randomUUID().toString())
                    .append("clientId", client.toString())
                    .append("outbox", new Document("events", outbox.events()).append("dueAt", outbox.dueAt())));
        }
        mongo.insert(documents, KitTestApplication.ITEMS).collectList().block();

        try (var probe = EventProbe.open(TestInfrastructure.get().bootstrapServers(), Topics.CHECKINS)) {
            long byFirst = 0;
            long bySecond = 0;
            // Rounds of both instances sweeping at once, until a round finds nothing (a sweep takes a batch).
            for (int round = 0; round < 20; round++) {
                var sweeps = Mono.zip(
                                first.getBean(OutboxRelay.class).sweepOnce().subscribeOn(Schedulers.boundedElastic()),
                                second.getBean(OutboxRelay.class).sweepOnce().subscribeOn(Schedulers.boundedElastic()))
                        .block(Duration.ofMinutes(2));
                byFirst += sweeps.getT1();
                bySecond += sweeps.getT2();
                if (sweeps.getT1() + sweeps.getT2() == 0) {
                    break;
                }
            }
            assertThat(byFirst + bySecond).as("documents published").isEqualTo(300);
            assertThat(byFirst).as("the first instance took part").isPositive();
            assertThat(bySecond).as("the second instance took part").isPositive();

            await().atMost(Duration.ofSeconds(30))
                    .until(() -> ours(probe, clients).size() >= 300);
            var eventIds =
                    ours(probe, clients).stream().map(AttuneEvent::eventId).toList();
            assertThat(eventIds).hasSize(300).doesNotHaveDuplicates();
        }
        var left = mongo.count(
                        Query.query(Criteria.where("outbox.events.0").exists(true)),
                        Document.class,
                        KitTestApplication.ITEMS)
                .block();
        assertThat(left).as("outboxes still holding events").isZero();
    }

    @Test
    void an_erased_therapists_reads_stay_in_the_clients_log_under_a_pseudonym() {
        var accessLog = first.getBean(AccessLog.class);
        var client = UUID.randomUUID();
        var therapist = UUID.randomUUID();
        var erasedClient = UUID.randomUUID();
        accessLog
                .record(therapist, client, EnumSet.of(DataClass.MOOD_CHECKINS, DataClass.NOTES), "check-ins")
                .block();
        accessLog
                .record(therapist, erasedClient, EnumSet.of(DataClass.MOOD_CHECKINS), "check-ins")
                .block();

        var erasure = first.getBean(Erasure.class);
        erasure.erase(therapist, Role.THERAPIST, Instant.now()).block();
        erasure.erase(erasedClient, Role.CLIENT, Instant.now()).block();

        var entries = accessLog.forClient(client).collectList().block();
        assertThat(entries).hasSize(2).allSatisfy(entry -> {
            assertThat(entry.therapistId()).isNull();
            assertThat(entry.therapistErased()).isTrue();
        });
        assertThat(accessLog.forClient(erasedClient).collectList().block()).isEmpty();
        var mentioningTherapist = first.getBean(ReactiveMongoTemplate.class)
                .count(Query.query(Criteria.where("therapistId").is(therapist)), AccessLogEntry.COLLECTION)
                .block();
        assertThat(mentioningTherapist).isZero();
    }

    @Test
    void a_consent_event_dated_beyond_the_allowed_skew_goes_to_the_dead_letter_topic_and_grants_nothing()
            throws Exception {
        var client = UUID.randomUUID();
        var therapist = UUID.randomUUID();
        var fromTheFuture = new ConsentGranted(
                UUID.randomUUID(),
                Instant.now().plus(Duration.ofHours(1)),
                AttuneEvent.CURRENT_SCHEMA_VERSION,
                client,
                UUID.randomUUID(),
                therapist,
                Set.of(DataClass.MOOD_CHECKINS),
                Instant.now().minusSeconds(60),
                null);
        var bootstrap = TestInfrastructure.get().bootstrapServers();
        try (var probe = EventProbe.open(bootstrap, Topics.deadLetterOf(Topics.CONSENT));
                var events = new EventPublisher(bootstrap)) {
            events.publish(fromTheFuture);
            var dead = probe.awaitRecord(Topics.deadLetterOf(Topics.CONSENT), Duration.ofSeconds(60));
            assertThat(EventJson.read(dead.value()).eventId()).isEqualTo(fromTheFuture.eventId());
        }
        var grants = first.getBean(ReactiveMongoTemplate.class)
                .count(Query.query(Criteria.where("clientId").is(client)), "consent_grants")
                .block();
        assertThat(grants).isZero();
    }

    private static List<CheckInRecorded> ours(EventProbe probe, Set<UUID> clients) {
        return probe.records().stream()
                .map(record -> EventJson.read(record.value()))
                .filter(CheckInRecorded.class::isInstance)
                .map(CheckInRecorded.class::cast)
                .filter(event -> clients.contains(event.clientId()))
                .toList();
    }

    private static CheckInRecorded checkIn(UUID client) {
        return CheckInRecorded.of(
                client,
                UUID.randomUUID(),
                5,
                WindowOfTolerance.WITHIN,
                List.of(),
                5,
                null,
                List.of(),
                false,
                LocalDate.now());
    }
}
