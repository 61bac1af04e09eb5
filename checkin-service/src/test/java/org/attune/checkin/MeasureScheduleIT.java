package org.attune.checkin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.attune.events.AccountErased;
import org.attune.events.AttuneEvent;
import org.attune.events.ConsentEndReason;
import org.attune.events.ConsentRevoked;
import org.attune.events.DataClass;
import org.attune.events.EventJson;
import org.attune.events.MeasureAnswered;
import org.attune.events.MeasureAssigned;
import org.attune.events.MeasureStopReason;
import org.attune.events.MeasureStopped;
import org.attune.events.MeasureWindowClosed;
import org.attune.events.MeasureWindowOpened;
import org.attune.events.Role;
import org.attune.events.TimeZoneChosen;
import org.attune.events.Topics;
import org.attune.testsupport.AttuneIntegrationTest;
import org.attune.testsupport.EventProbe;
import org.attune.testsupport.EventPublisher;
import org.attune.testsupport.MutableClock;
import org.attune.testsupport.TestInfrastructure;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;

/**
 * Scheduled measures on a clock the test moves, in a client zone with a daylight-saving change: the windows open at
 * the client's midnight on exactly the due dates, answers close them, unanswered ones close silently, and a revoked
 * grant stops the schedule.
 */
@AttuneIntegrationTest(
        properties = {
            // a consumer group of its own, so this context receives every consent and zone event
            "spring.application.name=checkin-measures-it",
            "spring.kafka.consumer.group-id=checkin-measures-it",
            "attune.measures.sweep-interval=100ms"
        })
@Import(MeasureScheduleIT.Clocks.class)
class MeasureScheduleIT {

    /** After the real date the grants are made at (so they are active) and two weeks before London's spring change. */
    static final Instant START = Instant.parse("2027-03-13T12:00:00Z");

    static final String PHQ9_MILD =
            "{\"answers\": {\"1\":1,\"2\":1,\"3\":1,\"4\":1,\"5\":1,\"6\":1,\"7\":0,\"8\":0,\"9\":0}}";

    @TestConfiguration(proxyBeanMethods = false)
    static class Clocks {
        @Bean
        @Primary
        MutableClock measureClock() {
            return new MutableClock(START);
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    @Autowired
    ReactiveMongoTemplate mongo;

    Api api;
    EventPublisher events;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        events = new EventPublisher(TestInfrastructure.get().bootstrapServers());
    }

    @AfterEach
    void tearDown() {
        events.close();
    }

    @Test
    void phq9_every_two_weeks_across_the_spring_change_opens_answers_and_closes_exactly_the_expected_windows()
            throws Exception {
        var client = UUID.randomUUID();
        var therapist = UUID.randomUUID();
        var granted = Grants.grant(client, therapist, Set.of(DataClass.INSTRUMENT_SCORES));
        events.publish(new TimeZoneChosen(
                UUID.randomUUID(), Instant.now(), AttuneEvent.CURRENT_SCHEMA_VERSION, client, "Europe/London"));
        events.publish(granted);
        awaitZone(client, "Europe/London");
        Grants.awaitStatus(api, therapist, "/api/v1/clients/" + client + "/measures", 200);

        try (var probe = EventProbe.open(TestInfrastructure.get().bootstrapServers(), Topics.QUESTIONNAIRES)) {
            var id = assign(therapist, client, """
                    {"code": "PHQ-9", "every": 2, "unit": "WEEKS", "firstDue": "2027-03-14", "windowDays": 3}""");

            // (due date, when it opens in London, when it closes, answered on the second day?)
            record Window(String due, String opens, String closes, boolean answer) {}
            var windows = List.of(
                    new Window("2027-03-14", "2027-03-14T00:00:00Z", "2027-03-17T00:00:00Z", true),
                    // the clocks go forward at 01:00 UTC on the 28th: the window closes at midnight BST
                    new Window("2027-03-28", "2027-03-28T00:00:00Z", "2027-03-30T23:00:00Z", false),
                    new Window("2027-04-11", "2027-04-10T23:00:00Z", "2027-04-13T23:00:00Z", true),
                    new Window("2027-04-25", "2027-04-24T23:00:00Z", "2027-04-27T23:00:00Z", false),
                    new Window("2027-05-09", "2027-05-08T23:00:00Z", "2027-05-11T23:00:00Z", false),
                    new Window("2027-05-23", "2027-05-22T23:00:00Z", "2027-05-25T23:00:00Z", true),
                    new Window("2027-06-06", "2027-06-05T23:00:00Z", "2027-06-08T23:00:00Z", false));

            for (var w : windows) {
                clock.moveTo(Instant.parse(w.opens()).minusSeconds(60));
                settle();
                assertThat(measuresOf(client))
                        .as("a minute before %s opens", w.due())
                        .doesNotContain("\"DUE\"");

                clock.moveTo(Instant.parse(w.opens()));
                var opened = probe.await(
                        MeasureWindowOpened.class,
                        e -> e.assignmentId().equals(id)
                                && e.dueDate().toString().equals(w.due()),
                        Duration.ofSeconds(20));
                assertThat(opened.closesAt()).isEqualTo(w.closes());
                awaitMeasures(client, "\"state\":\"DUE\",\"dueDate\":\"" + w.due() + "\"");

                if (w.answer()) {
                    clock.moveTo(Instant.parse(w.opens()).plus(Duration.ofHours(30)));
                    api.post(client, "/api/v1/questionnaires/PHQ-9/responses", PHQ9_MILD)
                            .expectStatus()
                            .isCreated();
                    probe.await(
                            MeasureAnswered.class,
                            e -> e.assignmentId().equals(id)
                                    && e.dueDate().toString().equals(w.due()),
                            Duration.ofSeconds(20));
                    assertThat(measuresOf(client)).doesNotContain("\"DUE\"");
                } else {
                    clock.moveTo(Instant.parse(w.closes()).minusSeconds(60));
                    settle();
                    assertThat(measuresOf(client))
                            .as("open until its last minute")
                            .contains("\"DUE\"");
                    clock.moveTo(Instant.parse(w.closes()));
                    probe.await(
                            MeasureWindowClosed.class,
                            e -> e.assignmentId().equals(id)
                                    && e.dueDate().toString().equals(w.due()),
                            Duration.ofSeconds(20));
                    // the client sees what comes next, never what went by
                    awaitMeasures(client, "\"state\":\"UPCOMING\"");
                    assertThat(measuresOf(client)).doesNotContain(w.due());
                    api.therapistGet(therapist, "/api/v1/clients/" + client + "/measures")
                            .expectStatus()
                            .isOk()
                            .expectBody()
                            .jsonPath("$[0].lastWindow")
                            .isEqualTo("NOT_ANSWERED")
                            .jsonPath("$[0].lastDueDate")
                            .isEqualTo(w.due());
                }
            }

            // The grant ends before the next due date (20 June): nothing more opens, the schedule stops.
            events.publish(new ConsentRevoked(
                    UUID.randomUUID(),
                    Instant.now(),
                    AttuneEvent.CURRENT_SCHEMA_VERSION,
                    client,
                    granted.consentId(),
                    therapist,
                    ConsentEndReason.REVOKED_BY_CLIENT));
            Grants.awaitStatus(api, therapist, "/api/v1/clients/" + client + "/measures", 403);
            clock.moveTo(Instant.parse("2027-06-19T23:00:00Z"));
            probe.await(
                    MeasureStopped.class,
                    e -> e.assignmentId().equals(id) && e.reason() == MeasureStopReason.GRANT_ENDED,
                    Duration.ofSeconds(20));
            clock.moveTo(Instant.parse("2027-07-20T00:00:00Z"));
            settle();
            assertThat(measuresOf(client)).isEqualTo("[]");

            var timeline = new ArrayList<String>();
            for (var event : distinct(probe, id)) {
                timeline.add(
                        switch (event) {
                            case MeasureAssigned e -> "assigned " + e.firstDue();
                            case MeasureWindowOpened e -> "opened " + e.dueDate();
                            case MeasureAnswered e -> "answered " + e.dueDate();
                            case MeasureWindowClosed e -> "closed " + e.dueDate();
                            case MeasureStopped e -> "stopped " + e.reason();
                            default -> event.getClass().getSimpleName();
                        });
            }
            assertThat(timeline)
                    .containsExactly(
                            "assigned 2027-03-14",
                            "opened 2027-03-14",
                            "answered 2027-03-14",
                            "opened 2027-03-28",
                            "closed 2027-03-28",
                            "opened 2027-04-11",
                            "answered 2027-04-11",
                            "opened 2027-04-25",
                            "closed 2027-04-25",
                            "opened 2027-05-09",
                            "closed 2027-05-09",
                            "opened 2027-05-23",
                            "answered 2027-05-23",
                            "opened 2027-06-06",
                            "closed 2027-06-06",
                            "stopped GRANT_ENDED");
        }
    }

    @Test
    void bad_schedules_are_problems_naming_the_field_and_without_a_grant_the_answer_is_403() throws Exception {
        var client = UUID.randomUUID();
        var therapist = UUID.randomUUID();
        var path = "/api/v1/clients/" + client + "/measures";
        var firstDue =
                LocalDate.ofInstant(clock.instant(), java.time.ZoneOffset.UTC).plusDays(2);

        api.postAsTherapist(therapist, path, """
                        {"code": "PHQ-9", "every": 2, "unit": "WEEKS", "firstDue": "%s"}""".formatted(firstDue))
                .expectStatus()
                .isForbidden()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        Grants.grantAndAwait(api, events, client, therapist, Set.of(DataClass.INSTRUMENT_SCORES), path, 200);

        problem(therapist, path, """
                {"code": "PHQ-9", "every": 0, "unit": "WEEKS", "firstDue": "%s"}""".formatted(firstDue), "every");
        problem(therapist, path, """
                {"code": "PHQ-9", "every": 1, "unit": "WEEKS", "firstDue": "%s", "windowDays": 8}""".formatted(firstDue), "windowDays");
        problem(therapist, path, """
                {"code": "NOT-A-SCALE", "every": 1, "unit": "WEEKS", "firstDue": "%s"}""".formatted(firstDue), "code");
        problem(therapist, path, """
                {"code": "SESSION-CONNECTION", "every": 1, "unit": "WEEKS", "firstDue": "%s"}""".formatted(firstDue), "code");
        problem(therapist, path, """
                {"code": "GAD-7", "every": 1, "unit": "WEEKS", "firstDue": "2020-01-01"}""", "firstDue");
        api.postAsTherapist(therapist, path, """
                        {"code": "GAD-7", "every": 1, "unit": "FORTNIGHTS", "firstDue": "%s"}""".formatted(firstDue))
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        // another therapist's grant does not open this client
        api.postAsTherapist(UUID.randomUUID(), path, """
                        {"code": "GAD-7", "every": 1, "unit": "WEEKS", "firstDue": "%s"}""".formatted(firstDue))
                .expectStatus()
                .isForbidden();
        assertThat(measuresOf(client)).isEqualTo("[]");
    }

    @Test
    void the_client_pauses_resumes_and_declines_with_one_tap_and_the_therapist_sees_only_that() throws Exception {
        var client = UUID.randomUUID();
        var therapist = UUID.randomUUID();
        var path = "/api/v1/clients/" + client + "/measures";
        Grants.grantAndAwait(api, events, client, therapist, Set.of(DataClass.INSTRUMENT_SCORES), path, 200);
        var today = LocalDate.ofInstant(clock.instant(), java.time.ZoneOffset.UTC);
        var id = assign(therapist, client, """
                {"code": "GAD-7", "every": 1, "unit": "WEEKS", "firstDue": "%s"}""".formatted(today));
        awaitMeasures(client, "\"state\":\"DUE\"");
        api.therapistGet(therapist, path)
                .expectBody()
                .jsonPath("$[0].windowDays")
                .isEqualTo(3);

        api.post(client, "/api/v1/measures/" + id + "/pause", "")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.state")
                .isEqualTo("PAUSED");
        api.therapistGet(therapist, path).expectBody().jsonPath("$[0].state").isEqualTo("PAUSED_BY_CLIENT");
        // paused: nothing opens, however long
        clock.advance(Duration.ofDays(15));
        settle();
        assertThat(measuresOf(client)).contains("\"PAUSED\"").doesNotContain("\"DUE\"");

        api.post(client, "/api/v1/measures/" + id + "/resume", "")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.state")
                .value(state -> assertThat(state).isIn("DUE", "UPCOMING"));
        api.therapistGet(therapist, path)
                .expectBody()
                .jsonPath("$[0].state")
                .value(state -> assertThat(state).isIn("OPEN", "SCHEDULED"));

        api.post(client, "/api/v1/measures/" + id + "/decline", "")
                .expectStatus()
                .isOk();
        api.therapistGet(therapist, path).expectBody().jsonPath("$[0].state").isEqualTo("DECLINED_BY_CLIENT");
        assertThat(measuresOf(client)).isEqualTo("[]");
        // someone else's measure is not found
        api.post(UUID.randomUUID(), "/api/v1/measures/" + id + "/pause", "")
                .expectStatus()
                .isNotFound();

        // the client's erasure leaves no schedule behind
        events.publish(AccountErased.of(client, Role.CLIENT));
        Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .until(() -> Boolean.FALSE.equals(
                        mongo.exists(Query.query(Criteria.where("clientId").is(client)), "measure_assignments")
                                .block()));
    }

    private UUID assign(UUID therapist, UUID client, String body) {
        var created = api.postAsTherapist(therapist, "/api/v1/clients/" + client + "/measures", body)
                .expectStatus()
                .isCreated()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        var id = created.replaceAll("(?s).*\"id\":\"([^\"]+)\".*", "$1");
        return UUID.fromString(id);
    }

    private void problem(UUID therapist, String path, String body, String field) {
        api.postAsTherapist(therapist, path, body)
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo(field);
    }

    private String measuresOf(UUID client) {
        return api.get(client, "/api/v1/measures")
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
    }

    private void awaitMeasures(UUID client, String fragment) {
        Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> measuresOf(client).contains(fragment));
    }

    private void awaitZone(UUID client, String zone) {
        Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .until(() -> Boolean.TRUE.equals(mongo.exists(
                                Query.query(Criteria.where("_id")
                                        .is(client.toString())
                                        .and("zone")
                                        .is(zone)),
                                "client_time_zones")
                        .block()));
    }

    /** Gives the sweep several passes, for asserting that something does not happen. */
    private static void settle() {
        Awaitility.await().pollDelay(Duration.ofMillis(500)).until(() -> true);
    }

    /** This schedule's events in the order published, each once (a relay retry repeats an event id). */
    private static List<AttuneEvent> distinct(EventProbe probe, UUID assignmentId) {
        var byId = new LinkedHashMap<UUID, AttuneEvent>();
        for (var record : probe.records()) {
            var event = EventJson.read(new String(record.value(), StandardCharsets.UTF_8));
            if (event.toString().contains(assignmentId.toString())) {
                byId.putIfAbsent(event.eventId(), event);
            }
        }
        return List.copyOf(byId.values());
    }
}
