package org.attune.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.attune.events.ConsentGranted;
import org.attune.events.DataClass;
import org.attune.events.SessionScheduled;
import org.attune.events.Topics;
import org.attune.notification.support.IntegrationTestBase;
import org.attune.testsupport.EventProbe;
import org.attune.testsupport.EventPublisher;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.reactive.server.WebTestClient;

/** {@code PUT /api/v1/session-schedule} changes only the fields it is sent. */
class SessionScheduleMergeIT extends IntegrationTestBase {

    private static final Instant FRIDAY_NOON = Instant.parse("2026-05-08T12:00:00Z");
    private static final List<String> SINGLE_SESSIONS = List.of("2026-05-20T15:00:00Z", "2026-05-27T15:00:00Z");

    private void grant(UUID client, UUID therapist) {
        try (var publisher = new EventPublisher(bootstrap)) {
            publisher.publish(ConsentGranted.of(
                    client,
                    UUID.randomUUID(),
                    therapist,
                    Set.of(DataClass.SESSION_FEEDBACK),
                    clock.instant().minus(Duration.ofDays(1)),
                    null));
        }
        await("grant projected", () -> {
            var doc = mongo.findById(client + ":" + therapist, org.bson.Document.class, "consent_grants")
                    .block();
            return doc != null && "ACTIVE".equals(doc.getString("status"));
        });
    }

    private static WebTestClient.ResponseSpec put(WebTestClient as, Map<String, Object> body) {
        return as.put().uri("/api/v1/session-schedule").bodyValue(body).exchange();
    }

    private static Map<String, Object> weeklyRhythm() {
        return Map.of(
                "timeZone", "Europe/London", "weeklyDay", "TUESDAY", "weeklyTime", "14:00", "durationMinutes", 50);
    }

    @Test
    void a_client_saving_their_weekly_rhythm_keeps_the_single_sessions_their_therapist_set() throws Exception {
        clock.set(FRIDAY_NOON);
        var client = UUID.randomUUID();
        var therapist = UUID.randomUUID();
        grant(client, therapist);
        put(
                        asTherapist(therapist),
                        Map.of(
                                "clientId",
                                client.toString(),
                                "timeZone",
                                "Europe/London",
                                "oneOffStarts",
                                SINGLE_SESSIONS,
                                "durationMinutes",
                                45))
                .expectStatus()
                .isOk();

        try (var probe = EventProbe.open(bootstrap, Topics.SESSIONS)) {
            put(asClient(client), weeklyRhythm())
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.oneOffStarts.length()")
                    .isEqualTo(2)
                    .jsonPath("$.weeklyDay")
                    .isEqualTo("TUESDAY");
            var event = probe.await(
                    SessionScheduled.class,
                    e -> e.clientId().equals(client) && e.scheduledBy().equals(client),
                    Duration.ofSeconds(20));
            assertThat(event.oneOffStarts()).extracting(Instant::toString).containsExactlyElementsOf(SINGLE_SESSIONS);
            assertThat(event.weeklyDay()).hasToString("TUESDAY");
            assertThat(event.durationMinutes()).isEqualTo(50);
            assertThat(event.therapistId())
                    .as("the therapist the sessions are with stays named")
                    .isEqualTo(therapist);
        }

        asClient(client)
                .get()
                .uri("/api/v1/session-schedule")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.oneOffStarts[0]")
                .isEqualTo(SINGLE_SESSIONS.get(0))
                .jsonPath("$.oneOffStarts[1]")
                .isEqualTo(SINGLE_SESSIONS.get(1))
                .jsonPath("$.weeklyTime")
                .isEqualTo("14:00")
                .jsonPath("$.therapistId")
                .isEqualTo(therapist.toString());
    }

    @Test
    void a_therapist_adding_single_sessions_keeps_the_clients_weekly_rhythm() {
        clock.set(FRIDAY_NOON);
        var client = UUID.randomUUID();
        var therapist = UUID.randomUUID();
        grant(client, therapist);
        put(asClient(client), weeklyRhythm()).expectStatus().isOk();

        put(asTherapist(therapist), Map.of("clientId", client.toString(), "oneOffStarts", SINGLE_SESSIONS))
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.weeklyDay")
                .isEqualTo("TUESDAY")
                .jsonPath("$.weeklyTime")
                .isEqualTo("14:00")
                .jsonPath("$.timeZone")
                .isEqualTo("Europe/London")
                .jsonPath("$.durationMinutes")
                .isEqualTo(50)
                .jsonPath("$.oneOffStarts.length()")
                .isEqualTo(2);
    }

    @Test
    void a_field_sent_as_null_clears_it_and_a_field_left_out_keeps_its_value() {
        clock.set(FRIDAY_NOON);
        var client = UUID.randomUUID();
        var everything = new HashMap<String, Object>(weeklyRhythm());
        everything.put("oneOffStarts", SINGLE_SESSIONS);
        put(asClient(client), everything).expectStatus().isOk();

        var noWeekly = new HashMap<String, Object>();
        noWeekly.put("weeklyDay", null);
        noWeekly.put("weeklyTime", null);
        put(asClient(client), noWeekly)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.weeklyDay")
                .doesNotExist()
                .jsonPath("$.weeklyTime")
                .doesNotExist()
                .jsonPath("$.timeZone")
                .isEqualTo("Europe/London")
                .jsonPath("$.oneOffStarts.length()")
                .isEqualTo(2)
                .jsonPath("$.nextSessionAt")
                .isEqualTo(SINGLE_SESSIONS.get(0));

        put(asClient(client), Map.of("oneOffStarts", List.of()))
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.oneOffStarts.length()")
                .isEqualTo(0)
                .jsonPath("$.nextSessionAt")
                .doesNotExist();
    }

    @Test
    void a_change_is_judged_by_the_schedule_it_leaves() {
        clock.set(FRIDAY_NOON);
        var client = UUID.randomUUID();
        put(asClient(client), Map.of("durationMinutes", 50))
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("timeZone");
        put(asClient(client), Map.of("timeZone", "Europe/London"))
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("durationMinutes");
        put(asClient(client), weeklyRhythm()).expectStatus().isOk();

        put(asClient(client), Map.of("weeklyTime", "16:30")).expectStatus().isOk();
        var onlyOneHalf = new HashMap<String, Object>();
        onlyOneHalf.put("weeklyDay", null);
        put(asClient(client), onlyOneHalf)
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("weeklyComplete");
        put(asClient(client), Map.of("timeZone", "Mars/Olympus"))
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("timeZoneValid");

        asClient(client)
                .get()
                .uri("/api/v1/session-schedule")
                .exchange()
                .expectBody()
                .jsonPath("$.weeklyDay")
                .isEqualTo("TUESDAY")
                .jsonPath("$.weeklyTime")
                .isEqualTo("16:30");
    }

    @Test
    void changes_made_at_the_same_moment_are_all_kept() {
        clock.set(FRIDAY_NOON);
        var client = UUID.randomUUID();
        put(asClient(client), weeklyRhythm()).expectStatus().isOk();
        var singles = IntStream.range(0, 6)
                .mapToObj(i -> Instant.parse("2026-06-01T09:00:00Z")
                        .plus(Duration.ofDays(i))
                        .toString())
                .toList();
        // Half the writers add single sessions, half move the weekly time: whatever the order, neither undoes the
        // other.
        var pool = Executors.newFixedThreadPool(6);
        var writes = IntStream.range(0, 6)
                .mapToObj(i -> CompletableFuture.runAsync(
                        () -> put(
                                        asClient(client),
                                        i % 2 == 0
                                                ? Map.of("oneOffStarts", singles.subList(0, i + 1))
                                                : Map.of("weeklyTime", "1" + i + ":00"))
                                .expectStatus()
                                .isOk(),
                        pool))
                .toArray(CompletableFuture[]::new);
        CompletableFuture.allOf(writes).join();
        pool.shutdown();

        var stored = mongo.findById(client.toString(), org.bson.Document.class, "session_schedules")
                .block();
        assertThat(stored).isNotNull();
        assertThat(stored.getList("oneOffStarts", Object.class)).isNotEmpty();
        assertThat(stored.getString("weeklyTime")).isIn("11:00", "13:00", "15:00");
        assertThat(stored.getString("weeklyDay")).isEqualTo("TUESDAY");
    }
}
