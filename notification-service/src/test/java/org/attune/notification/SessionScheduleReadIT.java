package org.attune.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.attune.events.ConsentEndReason;
import org.attune.events.ConsentGranted;
import org.attune.events.ConsentRevoked;
import org.attune.events.DataClass;
import org.attune.notification.support.IntegrationTestBase;
import org.attune.testsupport.EventPublisher;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

class SessionScheduleReadIT extends IntegrationTestBase {

    private static final Instant FRIDAY_NOON = Instant.parse("2026-05-08T12:00:00Z");

    private ConsentGranted grant(UUID client, UUID therapist, Instant endsAt, DataClass... classes) {
        var granted = ConsentGranted.of(
                client,
                UUID.randomUUID(),
                therapist,
                Set.of(classes),
                clock.instant().minus(Duration.ofDays(1)),
                endsAt);
        try (var publisher = new EventPublisher(bootstrap)) {
            publisher.publish(granted);
        }
        await("grant projected", () -> "ACTIVE".equals(status(client, therapist)));
        return granted;
    }

    private String status(UUID client, UUID therapist) {
        var doc = mongo.findById(client + ":" + therapist, org.bson.Document.class, "consent_grants")
                .block();
        return doc == null ? null : doc.getString("status");
    }

    private void weeklyWithOneOffs(WebTestClient as, UUID clientIdOrNull) {
        var body = new java.util.HashMap<String, Object>(Map.of(
                "timeZone", "Europe/London",
                "weeklyDay", "TUESDAY",
                "weeklyTime", "14:00",
                "oneOffStarts", List.of("2026-05-01T09:00:00Z", "2026-05-10T09:00:00Z"),
                "durationMinutes", 50));
        if (clientIdOrNull != null) {
            body.put("clientId", clientIdOrNull.toString());
        }
        as.put()
                .uri("/api/v1/session-schedule")
                .bodyValue(body)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.nextSessionAt")
                .isEqualTo("2026-05-10T09:00:00Z");
    }

    private String forbiddenBody(UUID therapist, UUID client) {
        return asTherapist(therapist)
                .get()
                .uri("/api/v1/session-schedule?clientId={id}", client)
                .exchange()
                .expectStatus()
                .isForbidden()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
    }

    @Test
    void a_client_without_a_schedule_gets_a_problem_404() {
        asClient(UUID.randomUUID())
                .get()
                .uri("/api/v1/session-schedule")
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo(404);
    }

    @Test
    void a_client_reads_their_own_schedule_with_the_next_session_start() {
        clock.set(FRIDAY_NOON);
        var client = UUID.randomUUID();
        weeklyWithOneOffs(asClient(client), null);

        asClient(client)
                .get()
                .uri("/api/v1/session-schedule")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody()
                .jsonPath("$.scheduleId")
                .isNotEmpty()
                .jsonPath("$.clientId")
                .isEqualTo(client.toString())
                .jsonPath("$.timeZone")
                .isEqualTo("Europe/London")
                .jsonPath("$.weeklyDay")
                .isEqualTo("TUESDAY")
                .jsonPath("$.weeklyTime")
                .isEqualTo("14:00")
                .jsonPath("$.oneOffStarts.length()")
                .isEqualTo(2)
                .jsonPath("$.oneOffStarts[1]")
                .isEqualTo("2026-05-10T09:00:00Z")
                .jsonPath("$.durationMinutes")
                .isEqualTo(50)
                .jsonPath("$.therapistId")
                .doesNotExist()
                .jsonPath("$.nextSessionAt")
                .isEqualTo("2026-05-10T09:00:00Z"); // the Sunday one-off, before Tuesday's weekly session

        // Once the one-off has passed, the weekly Tuesday 14:00 London (13:00Z) is next.
        clock.set(Instant.parse("2026-05-10T09:30:00Z"));
        asClient(client)
                .get()
                .uri("/api/v1/session-schedule?clientId={me}", client)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.nextSessionAt")
                .isEqualTo("2026-05-12T13:00:00Z");
    }

    @Test
    void the_read_shows_the_latest_schedule_and_no_next_session_when_every_one_off_is_past() {
        clock.set(FRIDAY_NOON);
        var client = UUID.randomUUID();
        weeklyWithOneOffs(asClient(client), null);
        // A change touches only the fields sent; the weekly rhythm ends by sending it as null.
        var change = new java.util.HashMap<String, Object>(Map.of(
                "timeZone",
                "America/New_York",
                "oneOffStarts",
                List.of("2026-05-20T15:00:00Z"),
                "durationMinutes",
                45));
        change.put("weeklyDay", null);
        change.put("weeklyTime", null);
        asClient(client)
                .put()
                .uri("/api/v1/session-schedule")
                .bodyValue(change)
                .exchange()
                .expectStatus()
                .isOk();

        clock.set(Instant.parse("2026-05-21T00:00:00Z"));
        asClient(client)
                .get()
                .uri("/api/v1/session-schedule")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.timeZone")
                .isEqualTo("America/New_York")
                .jsonPath("$.weeklyDay")
                .doesNotExist()
                .jsonPath("$.durationMinutes")
                .isEqualTo(45)
                .jsonPath("$.nextSessionAt")
                .doesNotExist();
    }

    @Test
    void a_therapist_the_client_shares_session_feedback_with_reads_the_schedule_and_loses_it_when_revoked() {
        clock.set(FRIDAY_NOON);
        var client = UUID.randomUUID();
        var therapist = UUID.randomUUID();
        var granted = grant(client, therapist, null, DataClass.SESSION_FEEDBACK);
        weeklyWithOneOffs(asTherapist(therapist), client);

        asTherapist(therapist)
                .get()
                .uri("/api/v1/session-schedule?clientId={id}", client)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.clientId")
                .isEqualTo(client.toString())
                .jsonPath("$.therapistId")
                .isEqualTo(therapist.toString())
                .jsonPath("$.weeklyDay")
                .isEqualTo("TUESDAY")
                .jsonPath("$.nextSessionAt")
                .isEqualTo("2026-05-10T09:00:00Z");
        asClient(client)
                .get()
                .uri("/api/v1/access-log")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.entries[?(@.resource == 'session-schedule/set')].therapistId")
                .isEqualTo(List.of(therapist.toString()))
                .jsonPath("$.entries[?(@.resource == 'session-schedule')].dataClass")
                .isEqualTo(List.of("SESSION_FEEDBACK"));

        try (var publisher = new EventPublisher(bootstrap)) {
            publisher.publish(
                    ConsentRevoked.of(client, granted.consentId(), therapist, ConsentEndReason.REVOKED_BY_CLIENT));
        }
        await("revocation projected", () -> "INACTIVE".equals(status(client, therapist)));
        var body = forbiddenBody(therapist, client);
        assertThat(body).doesNotContain("TUESDAY").doesNotContain("Europe/London");
    }

    @Test
    void a_therapist_the_client_shares_other_classes_with_gets_403_and_the_client_sees_no_read() {
        clock.set(FRIDAY_NOON);
        var client = UUID.randomUUID();
        var therapist = UUID.randomUUID();
        grant(client, therapist, null, DataClass.MOOD_CHECKINS, DataClass.SAFETY_ALERTS, DataClass.NOTES);
        weeklyWithOneOffs(asClient(client), null);

        var body = forbiddenBody(therapist, client);
        assertThat(body).doesNotContain("TUESDAY").doesNotContain("Europe/London");
        asTherapist(therapist)
                .put()
                .uri("/api/v1/session-schedule")
                .bodyValue(Map.of("clientId", client.toString(), "timeZone", "Europe/London", "durationMinutes", 50))
                .exchange()
                .expectStatus()
                .isForbidden()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        asClient(client)
                .get()
                .uri("/api/v1/access-log")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.entries.length()")
                .isEqualTo(0);
    }

    @Test
    void an_unlinked_therapist_gets_the_same_403_whether_or_not_the_client_exists() {
        clock.set(FRIDAY_NOON);
        var client = UUID.randomUUID();
        weeklyWithOneOffs(asClient(client), null);
        var stranger = UUID.randomUUID();
        var nobody = UUID.randomUUID();

        var existing = forbiddenBody(stranger, client);
        var missing = forbiddenBody(stranger, nobody);

        assertThat(existing).isEqualTo(missing).doesNotContain(client.toString());
        assertThat(existing).doesNotContain("TUESDAY").doesNotContain("Europe/London");
    }

    @Test
    void a_therapist_whose_grant_has_passed_its_end_is_refused_before_the_revocation_arrives() {
        clock.set(FRIDAY_NOON);
        var client = UUID.randomUUID();
        var therapist = UUID.randomUUID();
        grant(client, therapist, FRIDAY_NOON.plus(Duration.ofHours(1)), DataClass.SESSION_FEEDBACK);
        weeklyWithOneOffs(asClient(client), null);
        asTherapist(therapist)
                .get()
                .uri("/api/v1/session-schedule?clientId={id}", client)
                .exchange()
                .expectStatus()
                .isOk();

        clock.set(FRIDAY_NOON.plus(Duration.ofHours(2)));
        forbiddenBody(therapist, client);
    }

    @Test
    void a_therapist_must_name_a_client_and_a_client_cannot_read_another_clients_schedule() {
        clock.set(FRIDAY_NOON);
        var other = UUID.randomUUID();
        weeklyWithOneOffs(asClient(other), null);

        asTherapist(UUID.randomUUID())
                .get()
                .uri("/api/v1/session-schedule")
                .exchange()
                .expectStatus()
                .isForbidden()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        var refused = asClient(UUID.randomUUID())
                .get()
                .uri("/api/v1/session-schedule?clientId={id}", other)
                .exchange()
                .expectStatus()
                .isForbidden()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(refused).doesNotContain("TUESDAY");
    }

    @Test
    void a_client_id_that_is_not_a_uuid_is_answered_with_the_field_at_fault() {
        asTherapist(UUID.randomUUID())
                .get()
                .uri("/api/v1/session-schedule?clientId=not-a-uuid")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("clientId");
    }

    @Test
    void a_request_without_a_token_is_refused() {
        web().get().uri("/api/v1/session-schedule").exchange().expectStatus().isUnauthorized();
    }
}
