package org.attune.checkin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.attune.events.AttuneEvent;
import org.attune.events.EventJson;
import org.attune.events.SessionFeedbackRecorded;
import org.attune.events.SessionFeedbackShared;
import org.attune.events.Topics;
import org.attune.testsupport.AttuneIntegrationTest;
import org.attune.testsupport.EventProbe;
import org.attune.testsupport.TestInfrastructure;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;

/**
 * The session connection check exists once (its definition file) and is answered only through its own endpoint; its
 * rupture rule has a baseline from the first earlier check on; and the client's words travel only once shared, in
 * {@link SessionFeedbackShared}.
 */
@AttuneIntegrationTest
class SessionCheckIT {

    static final String ALL_TENS = "{\"answers\": {\"heard\":10,\"goals\":10,\"approach\":10,\"overall\":10}}";

    @LocalServerPort
    int port;

    Api api;
    UUID client = UUID.randomUUID();
    String bootstrap = TestInfrastructure.get().bootstrapServers();
    Instant hoursAgo = Instant.now().minus(Duration.ofHours(10)).truncatedTo(ChronoUnit.SECONDS);

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    /** Records a check whose four answers add up to {@code total}, {@code n} hours after the start. */
    tools.jackson.databind.JsonNode post(UUID who, int total, int n, String extra) {
        int each = total / 4;
        int rest = total % 4;
        var json = "{\"heard\":%d,\"goals\":%d,\"approach\":%d,\"overall\":%d,\"recordedAt\":\"%s\"%s}"
                .formatted(
                        each + (rest > 0 ? 1 : 0),
                        each + (rest > 1 ? 1 : 0),
                        each + (rest > 2 ? 1 : 0),
                        each,
                        hoursAgo.plus(Duration.ofHours(n)),
                        extra);
        var body = api.post(who, "/api/v1/session-feedback", json)
                .expectStatus()
                .isCreated()
                .expectBody()
                .returnResult()
                .getResponseBody();
        var stored = EventJson.mapper().readTree(body);
        assertThat(stored.get("total").asInt()).isEqualTo(total);
        return stored;
    }

    String record(UUID who, int total, int n, String extra) {
        return post(who, total, n, extra).get("id").asString();
    }

    String ruptureOf(UUID who, int total, int n) {
        var reason = post(who, total, n, "").get("ruptureSignal").get("reason");
        return reason == null || reason.isNull() ? null : reason.asString();
    }

    List<AttuneEvent> feedbackEvents(EventProbe probe) {
        return probe.records().stream()
                .filter(r -> r.key().equals(client.toString()))
                .map(r -> EventJson.read(r.value()))
                .toList();
    }

    List<AttuneEvent> settledFeedbackEvents(EventProbe probe, int atLeast) {
        Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .until(() -> feedbackEvents(probe).size() >= atLeast);
        Awaitility.await().pollDelay(Duration.ofMillis(700)).until(() -> true);
        return feedbackEvents(probe);
    }

    @Test
    void the_session_check_is_not_a_questionnaire_and_its_answers_are_refused_at_the_questionnaire_endpoint()
            throws Exception {
        api.get(client, "/api/v1/questionnaires")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$[?(@.code == 'SESSION-CONNECTION')]")
                .isEmpty();
        api.get(client, "/api/v1/questionnaires/SESSION-CONNECTION")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.answeredThrough")
                .isEqualTo("/api/v1/session-feedback")
                .jsonPath("$.items.length()")
                .isEqualTo(4);

        try (var probe = EventProbe.open(bootstrap, Topics.QUESTIONNAIRES, Topics.SESSION_FEEDBACK)) {
            api.post(client, "/api/v1/questionnaires/SESSION-CONNECTION/responses", ALL_TENS)
                    .expectStatus()
                    .isBadRequest()
                    .expectHeader()
                    .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.detail")
                    .value(detail -> assertThat(detail.toString()).contains("POST /api/v1/session-feedback"));
            api.post(client, "/api/v1/questionnaires/SESSION-CONNECTION/responses", "{\"answers\": {}}")
                    .expectStatus()
                    .isBadRequest();
            Awaitility.await().pollDelay(Duration.ofMillis(700)).until(() -> true);
            assertThat(feedbackEvents(probe)).isEmpty();
        }
        api.get(client, "/api/v1/session-feedback")
                .expectBody()
                .jsonPath("$.length()")
                .isEqualTo(0);
        api.get(client, "/api/v1/progress")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.instruments[?(@.code == 'SESSION-CONNECTION')]")
                .isEmpty();
    }

    @Test
    void the_maximum_and_the_answer_range_come_from_the_definition() {
        api.post(client, "/api/v1/session-feedback", "{\"heard\":10,\"goals\":10,\"approach\":10,\"overall\":10}")
                .expectStatus()
                .isCreated()
                .expectBody()
                .jsonPath("$.total")
                .isEqualTo(40)
                .jsonPath("$.maxTotal")
                .isEqualTo(40);
        api.post(client, "/api/v1/session-feedback", "{\"heard\":10,\"goals\":-1,\"approach\":10,\"overall\":11}")
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[*].field")
                .value(fields -> assertThat((List<Object>) fields).containsExactlyInAnyOrder("goals", "overall"));
    }

    @Test
    void with_one_or_two_earlier_checks_a_drop_of_20_percent_against_their_mean_is_a_rupture_signal() {
        var first = UUID.randomUUID();
        assertThat(ruptureOf(first, 30, 0))
                .as("no earlier check, 75%% of the maximum")
                .isNull();
        var one = UUID.randomUUID();
        assertThat(ruptureOf(one, 40, 0)).isNull();
        assertThat(ruptureOf(one, 32, 1))
                .as("exactly 20%% under one earlier check")
                .isEqualTo("DROP_FROM_BASELINE");
        var oneJustUnder = UUID.randomUUID();
        assertThat(ruptureOf(oneJustUnder, 40, 0)).isNull();
        assertThat(ruptureOf(oneJustUnder, 33, 1)).as("just under 20%% down").isNull();
        var two = UUID.randomUUID();
        assertThat(ruptureOf(two, 40, 0)).isNull();
        assertThat(ruptureOf(two, 35, 1)).isNull();
        assertThat(ruptureOf(two, 30, 2))
                .as("exactly 20%% under the mean of 40 and 35")
                .isEqualTo("DROP_FROM_BASELINE");
        assertThat(ruptureOf(two, 27, 3)).as("under 70%% of the maximum").isEqualTo("LOW_TOTAL");
    }

    @Test
    void words_shared_when_recording_travel_only_in_session_feedback_shared_after_the_recorded_event()
            throws Exception {
        try (var probe = EventProbe.open(bootstrap, Topics.SESSION_FEEDBACK)) {
            var id = record(client, 20, 0, ",\"comment\":\"I felt rushed\",\"shareComment\":true");

            var events = settledFeedbackEvents(probe, 2);
            assertThat(events).hasSize(2);
            var recorded = (SessionFeedbackRecorded) events.get(0);
            var shared = (SessionFeedbackShared) events.get(1);
            assertThat(recorded.feedbackId().toString()).isEqualTo(id);
            assertThat(recorded.sharedWithTherapist()).isTrue();
            assertThat(shared.feedbackId().toString()).isEqualTo(id);
            assertThat(shared.comment()).isEqualTo("I felt rushed");
            assertThat(new String(probe.records().getFirst().value(), StandardCharsets.UTF_8))
                    .doesNotContain("I felt rushed");
        }
    }

    @Test
    void a_later_share_publishes_the_words_once_and_a_check_without_words_publishes_nothing() throws Exception {
        String withWords;
        String withoutWords;
        try (var probe = EventProbe.open(bootstrap, Topics.SESSION_FEEDBACK)) {
            withWords = record(client, 20, 0, ",\"comment\":\"Something didn't sit right\"");
            withoutWords = record(client, 36, 1, "");
            var events = settledFeedbackEvents(probe, 2);
            assertThat(events).allMatch(SessionFeedbackRecorded.class::isInstance);
        }
        try (var probe = EventProbe.open(bootstrap, Topics.SESSION_FEEDBACK)) {
            for (int i = 0; i < 3; i++) {
                api.post(client, "/api/v1/session-feedback/" + withWords + "/share", "")
                        .expectStatus()
                        .isOk()
                        .expectBody()
                        .jsonPath("$.commentShared")
                        .isEqualTo(true);
            }
            api.post(client, "/api/v1/session-feedback/" + withoutWords + "/share", "")
                    .expectStatus()
                    .isOk();

            var events = settledFeedbackEvents(probe, 1);
            assertThat(events).hasSize(1);
            var shared = (SessionFeedbackShared) events.getFirst();
            assertThat(shared.feedbackId().toString()).isEqualTo(withWords);
            assertThat(shared.comment()).isEqualTo("Something didn't sit right");
        }
    }
}
