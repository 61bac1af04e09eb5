package org.attune.checkin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.attune.events.CheckInRecorded;
import org.attune.events.Topics;
import org.attune.testsupport.AttuneIntegrationTest;
import org.attune.testsupport.EventProbe;
import org.attune.testsupport.TestInfrastructure;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;

@AttuneIntegrationTest
class BackdatingIT {

    static final String GAD7 = "\"answers\": {\"1\":1,\"2\":1,\"3\":1,\"4\":1,\"5\":1,\"6\":0,\"7\":0}";
    static final String FEEDBACK = "\"heard\":9,\"goals\":9,\"approach\":9,\"overall\":9";

    @LocalServerPort
    int port;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    static String checkIn(Instant recordedAt) {
        return """
                {"mood": 3, "window": "HYPO", "emotions": ["tired"], "energy": 2, "recordedAt": "%s"}""".formatted(recordedAt);
    }

    @Test
    void a_backdated_check_in_is_stored_on_its_own_day_shows_there_in_progress_and_its_event_is_published_now()
            throws Exception {
        var client = UUID.randomUUID();
        var before = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        var threeDaysAgo = before.minus(Duration.ofDays(3)).truncatedTo(ChronoUnit.SECONDS);
        var day = LocalDate.ofInstant(threeDaysAgo, ZoneOffset.UTC);
        try (var probe = EventProbe.open(TestInfrastructure.get().bootstrapServers(), Topics.CHECKINS)) {
            api.post(client, "/api/v1/checkins", checkIn(threeDaysAgo))
                    .expectStatus()
                    .isCreated()
                    .expectBody()
                    .jsonPath("$.recordedAt")
                    .isEqualTo(threeDaysAgo.toString())
                    .jsonPath("$.localDate")
                    .isEqualTo(day.toString());
            var event = probe.await(CheckInRecorded.class, e -> e.clientId().equals(client), Duration.ofSeconds(20));
            assertThat(event.localDate()).isEqualTo(day);
            assertThat(event.occurredAt()).isAfterOrEqualTo(before);
        }
        api.post(client, "/api/v1/checkins", Api.checkIn(8)).expectStatus().isCreated();

        api.get(client, "/api/v1/progress")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.mood.daily.length()")
                .isEqualTo(2)
                .jsonPath("$.mood.daily[0].date")
                .isEqualTo(day.toString())
                .jsonPath("$.mood.daily[0].mood")
                .isEqualTo(3.0)
                .jsonPath("$.mood.daily[1].mood")
                .isEqualTo(8.0);
        // newest first by the moment the check-in is about, not by when it was entered
        api.get(client, "/api/v1/checkins")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.items[0].mood")
                .isEqualTo(8)
                .jsonPath("$.items[1].mood")
                .isEqualTo(3)
                .jsonPath("$.items[1].recordedAt")
                .isEqualTo(threeDaysAgo.toString());
        api.get(client, "/api/v1/checkins?from=" + day + "&to=" + day)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.totalItems")
                .isEqualTo(1);
    }

    @Test
    void backdated_questionnaires_and_session_checks_keep_the_moment_they_are_about() {
        var client = UUID.randomUUID();
        var twoDaysAgo = Instant.now().minus(Duration.ofDays(2)).truncatedTo(ChronoUnit.SECONDS);
        api.post(
                        client,
                        "/api/v1/questionnaires/GAD-7/responses",
                        "{" + GAD7 + ", \"recordedAt\": \"" + twoDaysAgo + "\"}")
                .expectStatus()
                .isCreated()
                .expectBody()
                .jsonPath("$.completedAt")
                .isEqualTo(twoDaysAgo.toString());
        api.post(client, "/api/v1/session-feedback", "{" + FEEDBACK + ", \"recordedAt\": \"" + twoDaysAgo + "\"}")
                .expectStatus()
                .isCreated()
                .expectBody()
                .jsonPath("$.recordedAt")
                .isEqualTo(twoDaysAgo.toString());
        api.get(client, "/api/v1/progress")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.instruments[0].points[0].completedAt")
                .isEqualTo(twoDaysAgo.toString())
                .jsonPath("$.sessionConnection[0].recordedAt")
                .isEqualTo(twoDaysAgo.toString());
    }

    @Test
    void recorded_at_more_than_five_minutes_ahead_older_than_sixty_days_or_malformed_is_a_400_on_every_post() {
        var client = UUID.randomUUID();
        var now = Instant.now();
        var bad = new String[] {
            "\"" + now.plus(Duration.ofMinutes(10)) + "\"",
            "\"" + now.minus(Duration.ofDays(61)) + "\"",
            "\"yesterday\"",
            "true",
        };
        for (String value : bad) {
            var bodies = new String[][] {
                {
                    "/api/v1/checkins",
                    "{\"mood\": 5, \"window\": \"WITHIN\", \"energy\": 5, \"recordedAt\": " + value + "}"
                },
                {"/api/v1/questionnaires/GAD-7/responses", "{" + GAD7 + ", \"recordedAt\": " + value + "}"},
                {"/api/v1/session-feedback", "{" + FEEDBACK + ", \"recordedAt\": " + value + "}"},
            };
            for (String[] c : bodies) {
                api.post(client, c[0], c[1])
                        .expectStatus()
                        .isBadRequest()
                        .expectHeader()
                        .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                        .expectBody()
                        .jsonPath("$.errors[0].field")
                        .isEqualTo("recordedAt");
            }
        }
        api.get(client, "/api/v1/export")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.checkIns.length()")
                .isEqualTo(0)
                .jsonPath("$.questionnaireResponses.length()")
                .isEqualTo(0)
                .jsonPath("$.sessionFeedback.length()")
                .isEqualTo(0);
    }
}
