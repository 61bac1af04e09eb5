package org.attune.notification;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.attune.notification.support.IntegrationTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

class SecurityAndValidationIT extends IntegrationTestBase {

    final UUID me = UUID.randomUUID();

    @Test
    void a_request_without_a_token_is_refused_with_a_problem_body() {
        web().get()
                .uri("/api/v1/inbox")
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo(401);
    }

    @Test
    void expired_foreign_signed_and_wrong_audience_tokens_are_refused() {
        for (String token : List.of(tokens.expired(me, "CLIENT"), tokens.signedByStranger(me, "CLIENT"), "not-a-jwt")) {
            web().get()
                    .uri("/api/v1/preferences")
                    .header("Authorization", "Bearer " + token)
                    .exchange()
                    .expectStatus()
                    .isUnauthorized()
                    .expectHeader()
                    .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        }
    }

    @Test
    void a_token_without_a_role_or_with_an_unknown_role_is_refused_with_401() {
        for (String role : java.util.Arrays.asList(null, "ADMIN", "client")) {
            web().get()
                    .uri("/api/v1/inbox")
                    .header("Authorization", "Bearer " + tokens.token(me, role, Duration.ofMinutes(5)))
                    .exchange()
                    .expectStatus()
                    .isUnauthorized()
                    .expectHeader()
                    .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        }
    }

    @Test
    void a_role_on_a_path_that_is_not_its_own_or_not_declared_is_refused_with_403() {
        // Every path of this service serves both roles except the access log, which is the client's own.
        asTherapist(UUID.randomUUID())
                .get()
                .uri("/api/v1/access-log")
                .exchange()
                .expectStatus()
                .isForbidden()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        asClient(me)
                .delete()
                .uri("/api/v1/preferences")
                .exchange()
                .expectStatus()
                .isForbidden()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        asClient(me)
                .get()
                .uri("/api/v1/clients/{id}/session-schedule", UUID.randomUUID())
                .exchange()
                .expectStatus()
                .isForbidden();
    }

    @Test
    void health_metrics_and_api_docs_are_public() {
        management().get().uri("/actuator/health").exchange().expectStatus().isOk();
        management().get().uri("/actuator/prometheus").exchange().expectStatus().isOk();
        web().get().uri("/v3/api-docs").exchange().expectStatus().isOk();
        web().get().uri("/actuator/env").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void a_therapist_without_a_grant_cannot_set_a_clients_schedule_whether_or_not_the_client_exists() {
        var therapist = UUID.randomUUID();
        var body = Map.of(
                "clientId", UUID.randomUUID().toString(),
                "timeZone", "Europe/London",
                "weeklyDay", "TUESDAY",
                "weeklyTime", "14:00",
                "durationMinutes", 50);
        var first = asTherapist(therapist)
                .put()
                .uri("/api/v1/session-schedule")
                .bodyValue(body)
                .exchange()
                .expectStatus()
                .isForbidden()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        org.assertj.core.api.Assertions.assertThat(first)
                .doesNotContain(body.get("clientId").toString());
    }

    @Test
    void a_client_cannot_set_another_clients_schedule() {
        asClient(me)
                .put()
                .uri("/api/v1/session-schedule")
                .bodyValue(Map.of(
                        "clientId",
                        UUID.randomUUID().toString(),
                        "timeZone",
                        "Europe/London",
                        "oneOffStarts",
                        List.of(),
                        "durationMinutes",
                        50))
                .exchange()
                .expectStatus()
                .isForbidden();
    }

    void expectFieldError(String path, Object body, String field) {
        asClient(me)
                .put()
                .uri(path)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(String.class)
                .value(json -> org.assertj.core.api.Assertions.assertThat(json)
                        .as(json)
                        .contains("\"field\":\"" + field + "\""));
    }

    Map<String, Object> validPreferences() {
        var body = new java.util.HashMap<String, Object>();
        body.put("timeZone", "Europe/London");
        body.put("dailyReminderTime", "09:00");
        body.put("quietHoursStart", "21:00");
        body.put("quietHoursEnd", "08:00");
        body.put("channels", List.of("IN_APP"));
        return body;
    }

    @Test
    void invalid_preferences_are_answered_with_the_field_at_fault() {
        var outOfRange = validPreferences();
        outOfRange.put("dailyReminderTime", "25:00");
        expectFieldError("/api/v1/preferences", outOfRange, "dailyReminderTime");

        var missing = validPreferences();
        missing.remove("timeZone");
        expectFieldError("/api/v1/preferences", missing, "timeZone");

        var badZone = validPreferences();
        badZone.put("timeZone", "Mars/Olympus");
        expectFieldError("/api/v1/preferences", badZone, "timeZoneValid");

        var oversized = validPreferences();
        oversized.put("timeZone", "x".repeat(300));
        expectFieldError("/api/v1/preferences", oversized, "timeZone");

        var wrongType = validPreferences();
        wrongType.put("channels", 42);
        expectFieldError("/api/v1/preferences", wrongType, "channels");

        var unknown = validPreferences();
        unknown.put("streakGoal", 7);
        expectFieldError("/api/v1/preferences", unknown, "streakGoal");

        var noInApp = validPreferences();
        noInApp.put("channels", List.of("EMAIL"));
        noInApp.put("email", "me@example.org");
        expectFieldError("/api/v1/preferences", noInApp, "channelsIncludeInApp");

        var emailWithoutAddress = validPreferences();
        emailWithoutAddress.put("channels", List.of("IN_APP", "EMAIL"));
        expectFieldError("/api/v1/preferences", emailWithoutAddress, "emailGivenForEmailChannel");

        var unknownKind = validPreferences();
        unknownKind.put("mutedKinds", List.of("everything-please"));
        expectFieldError("/api/v1/preferences", unknownKind, "mutedKinds[0]");

        expectFieldError("/api/v1/preferences", "{not json", "body");
    }

    @Test
    void an_invalid_snooze_and_inbox_page_are_answered_with_the_field_at_fault() {
        asClient(me)
                .post()
                .uri("/api/v1/inbox/{id}/snooze", UUID.randomUUID())
                .bodyValue(Map.of("minutes", 100_000))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("minutes");
        asClient(me)
                .post()
                .uri("/api/v1/inbox/{id}/snooze", UUID.randomUUID())
                .bodyValue(Map.of("minutes", "soon"))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("minutes");
        asClient(me)
                .get()
                .uri("/api/v1/inbox?size=1000")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("size");
        asClient(me)
                .get()
                .uri("/api/v1/inbox?page=abc")
                .exchange()
                .expectStatus()
                .isBadRequest();
    }

    @Test
    void an_invalid_session_schedule_is_answered_with_the_field_at_fault() {
        var body = new java.util.HashMap<String, Object>(
                Map.of("timeZone", "Europe/London", "weeklyDay", "TUESDAY", "durationMinutes", 50));
        expectFieldError("/api/v1/session-schedule", body, "weeklyComplete");
        body.put("weeklyTime", "14:00");
        body.put("durationMinutes", 5000);
        expectFieldError("/api/v1/session-schedule", body, "durationMinutes");
        body.put("durationMinutes", 50);
        body.put("weeklyDay", "FUNDAY");
        expectFieldError("/api/v1/session-schedule", body, "weeklyDay");
    }

    @Test
    void the_defaults_are_gentle() {
        asClient(UUID.randomUUID())
                .get()
                .uri("/api/v1/preferences")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.dailyReminderTime")
                .isEqualTo("18:00")
                .jsonPath("$.quietHoursStart")
                .isEqualTo("21:00")
                .jsonPath("$.quietHoursEnd")
                .isEqualTo("09:00")
                .jsonPath("$.channels[0]")
                .isEqualTo("IN_APP")
                .jsonPath("$.channels.length()")
                .isEqualTo(1);
        asTherapist(UUID.randomUUID())
                .get()
                .uri("/api/v1/preferences")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.dailyReminderTime")
                .doesNotExist();
    }

    @Test
    void a_token_that_is_valid_is_accepted_for_the_callers_own_data() {
        web().mutate()
                .responseTimeout(Duration.ofSeconds(20))
                .build()
                .get()
                .uri("/api/v1/inbox")
                .header("Authorization", "Bearer " + tokens.client(me))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.total")
                .isEqualTo(0);
    }
}
