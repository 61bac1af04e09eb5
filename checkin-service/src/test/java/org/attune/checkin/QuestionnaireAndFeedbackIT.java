package org.attune.checkin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import org.attune.events.QuestionnaireCompleted;
import org.attune.events.RuptureReason;
import org.attune.events.SafetyFlagRaised;
import org.attune.events.SafetyFlagReason;
import org.attune.events.SessionFeedbackRecorded;
import org.attune.events.Topics;
import org.attune.testsupport.AttuneIntegrationTest;
import org.attune.testsupport.EventProbe;
import org.attune.testsupport.TestInfrastructure;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;

@AttuneIntegrationTest
class QuestionnaireAndFeedbackIT {

    static final String PHQ9_ITEM9_ONLY =
            "{\"answers\": {\"1\":0,\"2\":0,\"3\":0,\"4\":0,\"5\":0,\"6\":0,\"7\":0,\"8\":0,\"9\":1}}";

    @LocalServerPort
    int port;

    Api api;
    String bootstrap = TestInfrastructure.get().bootstrapServers();

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    @Test
    void the_instrument_definitions_are_served_from_their_files() {
        var client = UUID.randomUUID();
        api.get(client, "/api/v1/questionnaires")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.length()")
                .isEqualTo(3)
                .jsonPath("$[?(@.code == 'PCL-5')].items.length()")
                .isEqualTo(20);
        api.get(client, "/api/v1/questionnaires/PHQ-9")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.items[8].id")
                .isEqualTo("9")
                .jsonPath("$.options[3].label")
                .isEqualTo("Nearly every day");
        api.get(client, "/api/v1/questionnaires/NOPE")
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void a_phq9_with_item_9_at_1_raises_a_safety_flag_even_with_a_minimal_total() throws Exception {
        var client = UUID.randomUUID();
        try (var probe = EventProbe.open(bootstrap, Topics.SAFETY, Topics.QUESTIONNAIRES)) {
            api.post(client, "/api/v1/questionnaires/PHQ-9/responses", PHQ9_ITEM9_ONLY)
                    .expectStatus()
                    .isCreated()
                    .expectBody()
                    .jsonPath("$.total")
                    .isEqualTo(1)
                    .jsonPath("$.band")
                    .isEqualTo("minimal")
                    .jsonPath("$.flags[0]")
                    .isEqualTo("SELF_HARM_ITEM")
                    .jsonPath("$.help.region")
                    .isEqualTo("anywhere else")
                    .jsonPath("$.help.resources[0].contact")
                    .isEqualTo("your local emergency number")
                    .jsonPath("$.help.notAnEmergencyService")
                    .exists();
            var flag = probe.await(SafetyFlagRaised.class, e -> e.clientId().equals(client), Duration.ofSeconds(20));
            assertThat(flag.reason()).isEqualTo(SafetyFlagReason.SELF_HARM_ITEM);
            var completed =
                    probe.await(QuestionnaireCompleted.class, e -> e.clientId().equals(client), Duration.ofSeconds(20));
            assertThat(completed.total()).isEqualTo(1);
            assertThat(completed.maxTotal()).isEqualTo(27);
            assertThat(completed.flags()).containsExactly("SELF_HARM_ITEM");
            assertThat(completed.previousBand()).isNull();
            assertThat(completed.worsened()).isFalse();
        }
    }

    @Test
    void a_second_response_carries_the_previous_band_and_whether_it_worsened() throws Exception {
        var client = UUID.randomUUID();
        try (var probe = EventProbe.open(bootstrap, Topics.QUESTIONNAIRES, Topics.SAFETY)) {
            api.post(
                            client,
                            "/api/v1/questionnaires/GAD-7/responses",
                            "{\"answers\": {\"1\":1,\"2\":1,\"3\":1,\"4\":1,\"5\":1,\"6\":0,\"7\":0}}")
                    .expectStatus()
                    .isCreated();
            api.post(
                            client,
                            "/api/v1/questionnaires/GAD-7/responses",
                            "{\"answers\": {\"1\":3,\"2\":3,\"3\":3,\"4\":3,\"5\":3,\"6\":0,\"7\":0}}")
                    .expectStatus()
                    .isCreated()
                    .expectBody()
                    .jsonPath("$.band")
                    .isEqualTo("severe")
                    .jsonPath("$.previousBand")
                    .isEqualTo("mild")
                    .jsonPath("$.worsened")
                    .isEqualTo(true)
                    .jsonPath("$.help")
                    .doesNotExist();
            var worse = probe.await(
                    QuestionnaireCompleted.class,
                    e -> e.clientId().equals(client) && e.worsened(),
                    Duration.ofSeconds(20));
            assertThat(worse.previousBand()).isEqualTo("mild");
            api.post(
                            client,
                            "/api/v1/questionnaires/GAD-7/responses",
                            "{\"answers\": {\"1\":0,\"2\":0,\"3\":0,\"4\":0,\"5\":0,\"6\":0,\"7\":0}}")
                    .expectStatus()
                    .isCreated()
                    .expectBody()
                    .jsonPath("$.previousBand")
                    .isEqualTo("severe")
                    .jsonPath("$.worsened")
                    .isEqualTo(false);
            // GAD-7 has no safety rules: no flag for this client.
            org.awaitility.Awaitility.await()
                    .during(Duration.ofMillis(500))
                    .atMost(Duration.ofSeconds(5))
                    .untilAsserted(() -> assertThat(probe.records().stream()
                                    .filter(r -> r.topic().equals(Topics.SAFETY)
                                            && r.key().equals(client.toString())))
                            .isEmpty());
        }
    }

    @Test
    void a_severe_phq9_raises_a_severe_band_safety_flag() throws Exception {
        var client = UUID.randomUUID();
        try (var probe = EventProbe.open(bootstrap, Topics.SAFETY)) {
            api.post(
                            client,
                            "/api/v1/questionnaires/PHQ-9/responses",
                            "{\"answers\": {\"1\":3,\"2\":3,\"3\":3,\"4\":3,\"5\":3,\"6\":3,\"7\":2,\"8\":0,\"9\":0}}")
                    .expectStatus()
                    .isCreated()
                    .expectBody()
                    .jsonPath("$.band")
                    .isEqualTo("severe");
            var flag = probe.await(SafetyFlagRaised.class, e -> e.clientId().equals(client), Duration.ofSeconds(20));
            assertThat(flag.reason()).isEqualTo(SafetyFlagReason.SEVERE_BAND);
        }
    }

    @Test
    void invalid_questionnaire_responses_get_400_naming_the_item() {
        var client = UUID.randomUUID();
        var cases = new String[][] {
            {"{\"answers\": {\"1\":0,\"2\":0,\"3\":0,\"4\":0,\"5\":0,\"6\":0,\"7\":0,\"8\":0}}", "answers.9"},
            {"{\"answers\": {\"1\":0,\"2\":0,\"3\":0,\"4\":0,\"5\":0,\"6\":0,\"7\":0,\"8\":0,\"9\":4}}", "answers.9"},
            {"{\"answers\": {\"1\":0,\"2\":0,\"3\":0,\"4\":0,\"5\":0,\"6\":0,\"7\":0,\"8\":0,\"9\":\"x\"}}", "answers.9"
            },
            {
                "{\"answers\": {\"1\":0,\"2\":0,\"3\":0,\"4\":0,\"5\":0,\"6\":0,\"7\":0,\"8\":0,\"9\":0,\"10\":0}}",
                "answers.10"
            },
            {"{}", "answers"},
            {"{\"answers\": {}, \"total\": 0}", "total"},
        };
        for (String[] c : cases) {
            api.post(client, "/api/v1/questionnaires/PHQ-9/responses", c[0])
                    .expectStatus()
                    .isBadRequest()
                    .expectHeader()
                    .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.errors[0].field")
                    .isEqualTo(c[1]);
        }
    }

    @Test
    void a_low_session_check_is_a_rupture_signal_and_the_event_says_whether_it_was_shared() throws Exception {
        var client = UUID.randomUUID();
        try (var probe = EventProbe.open(bootstrap, Topics.SESSION_FEEDBACK)) {
            api.post(
                            client,
                            "/api/v1/session-feedback",
                            "{\"heard\":5,\"goals\":6,\"approach\":7,\"overall\":6,\"sessionDate\":\"2026-11-20\","
                                    + "\"text\":\"felt rushed\",\"shareWithTherapist\":true}")
                    .expectStatus()
                    .isCreated()
                    .expectBody()
                    .jsonPath("$.total")
                    .isEqualTo(24)
                    .jsonPath("$.ruptureSignal.signal")
                    .isEqualTo(true)
                    .jsonPath("$.ruptureSignal.reason")
                    .isEqualTo("LOW_TOTAL")
                    .jsonPath("$.invitation")
                    .exists();
            var event = probe.await(
                    SessionFeedbackRecorded.class, e -> e.clientId().equals(client), Duration.ofSeconds(20));
            assertThat(event.ruptureReason()).isEqualTo(RuptureReason.LOW_TOTAL);
            assertThat(event.sharedWithTherapist()).isTrue();
            assertThat(event.total()).isEqualTo(24);
            assertThat(event.maxTotal()).isEqualTo(40);
            assertThat(new String(probe.records().getFirst().value())).doesNotContain("felt rushed");
        }
    }

    @Test
    void a_drop_against_the_clients_own_last_three_is_a_rupture_signal_and_sharing_defaults_to_no() throws Exception {
        var client = UUID.randomUUID();
        for (int i = 0; i < 3; i++) {
            api.post(client, "/api/v1/session-feedback", "{\"heard\":10,\"goals\":10,\"approach\":10,\"overall\":10}")
                    .expectStatus()
                    .isCreated()
                    .expectBody()
                    .jsonPath("$.ruptureSignal.signal")
                    .isEqualTo(false);
            Api.awaitNextMillisecond(); // distinct recordedAt
        }
        try (var probe = EventProbe.open(bootstrap, Topics.SESSION_FEEDBACK)) {
            api.post(client, "/api/v1/session-feedback", "{\"heard\":8,\"goals\":8,\"approach\":8,\"overall\":8}")
                    .expectStatus()
                    .isCreated()
                    .expectBody()
                    .jsonPath("$.total")
                    .isEqualTo(32)
                    .jsonPath("$.ruptureSignal.reason")
                    .isEqualTo("DROP_FROM_BASELINE");
            // The outbox relay may publish the three earlier checks after the probe opened: wait for this one.
            var event = probe.await(
                    SessionFeedbackRecorded.class,
                    e -> e.clientId().equals(client) && e.total() == 32,
                    Duration.ofSeconds(20));
            assertThat(event.ruptureReason()).isEqualTo(RuptureReason.DROP_FROM_BASELINE);
            assertThat(event.sharedWithTherapist()).isFalse();
        }
    }

    @Test
    void invalid_session_feedback_gets_400_naming_the_field() {
        var client = UUID.randomUUID();
        var cases = new String[][] {
            {"{\"heard\":11,\"goals\":5,\"approach\":5,\"overall\":5}", "heard"},
            {"{\"goals\":5,\"approach\":5,\"overall\":5}", "heard"},
            {"{\"heard\":5,\"goals\":\"good\",\"approach\":5,\"overall\":5}", "goals"},
            {"{\"heard\":5,\"goals\":5,\"approach\":5,\"overall\":5,\"mood\":5}", "mood"},
            {"{\"heard\":5,\"goals\":5,\"approach\":5,\"overall\":5,\"text\":\"" + "x".repeat(2001) + "\"}", "text"},
            {
                "{\"heard\":5,\"goals\":5,\"approach\":5,\"overall\":5,\"shareWithTherapist\":\"maybe\"}",
                "shareWithTherapist"
            },
            {"{\"heard\":5,\"goals\":5,\"approach\":5,\"overall\":5,\"sessionDate\":\"3026-01-01\"}", "sessionDate"},
        };
        for (String[] c : cases) {
            api.post(client, "/api/v1/session-feedback", c[0])
                    .expectStatus()
                    .isBadRequest()
                    .expectHeader()
                    .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.errors[0].field")
                    .isEqualTo(c[1]);
        }
    }

    @Test
    void help_now_shows_crisis_lines_at_once_and_raises_a_safety_flag() throws Exception {
        var client = UUID.randomUUID();
        try (var probe = EventProbe.open(bootstrap, Topics.SAFETY)) {
            api.post(client, "/api/v1/help-now?region=gb", "")
                    .expectStatus()
                    .isCreated()
                    .expectBody()
                    .jsonPath("$.alertRecorded")
                    .isEqualTo(true)
                    .jsonPath("$.help.resources.length()")
                    .isEqualTo(3)
                    .jsonPath("$.help.resources[0].contact")
                    .isEqualTo("116 123")
                    .jsonPath("$.help.resources[2].kind")
                    .isEqualTo("DOMESTIC_ABUSE");
            var flag = probe.await(SafetyFlagRaised.class, e -> e.clientId().equals(client), Duration.ofSeconds(20));
            assertThat(flag.reason()).isEqualTo(SafetyFlagReason.HELP_NOW);
            assertThat(flag.source()).isEqualTo("help-now");
        }
    }
}
