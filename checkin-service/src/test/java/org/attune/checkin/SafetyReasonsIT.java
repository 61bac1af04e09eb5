package org.attune.checkin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.attune.events.EventJson;
import org.attune.events.SafetyFlagRaised;
import org.attune.events.SafetyFlagReason;
import org.attune.events.Topics;
import org.attune.testsupport.AttuneIntegrationTest;
import org.attune.testsupport.EventProbe;
import org.attune.testsupport.TestInfrastructure;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * What raised a safety flag decides what the client reads and what the flag says: a severe PHQ-9 total with a 0 on
 * item 9 never mentions self-harm; item 9 above 0 says so whatever the total; and every "I need help now" is a flag of
 * its own.
 */
@AttuneIntegrationTest
class SafetyReasonsIT {

    static final String SEVERE_ITEM9_AT_0 =
            "{\"answers\": {\"1\":3,\"2\":3,\"3\":3,\"4\":3,\"5\":3,\"6\":3,\"7\":2,\"8\":0,\"9\":0}}";
    static final String SEVERE_ITEM9_AT_2 =
            "{\"answers\": {\"1\":3,\"2\":3,\"3\":3,\"4\":3,\"5\":3,\"6\":3,\"7\":2,\"8\":0,\"9\":2}}";

    @LocalServerPort
    int port;

    Api api;
    UUID client = UUID.randomUUID();
    String bootstrap = TestInfrastructure.get().bootstrapServers();

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    JsonNode respond(String answers) {
        var body = api.post(client, "/api/v1/questionnaires/PHQ-9/responses", answers)
                .expectStatus()
                .isCreated()
                .expectBody()
                .returnResult()
                .getResponseBody();
        return EventJson.mapper().readTree(body);
    }

    List<SafetyFlagRaised> flagsPublished(EventProbe probe, int expected) {
        Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .until(() -> published(probe).size() >= expected);
        // a moment for any flag too many to arrive
        Awaitility.await().pollDelay(Duration.ofMillis(500)).until(() -> true);
        return published(probe);
    }

    List<SafetyFlagRaised> published(EventProbe probe) {
        return probe.records().stream()
                .filter(r -> r.topic().equals(Topics.SAFETY) && r.key().equals(client.toString()))
                .map(r -> (SafetyFlagRaised) EventJson.read(r.value()))
                .toList();
    }

    List<String> storedReasons() {
        var body = api.get(client, "/api/v1/safety-flags")
                .expectStatus()
                .isOk()
                .expectBody()
                .returnResult()
                .getResponseBody();
        var reasons = new java.util.ArrayList<String>();
        EventJson.mapper()
                .readTree(body)
                .forEach(flag -> reasons.add(flag.get("reason").asString()));
        return reasons;
    }

    @Test
    void a_severe_phq9_with_0_on_item_9_raises_only_a_severe_band_flag_and_says_nothing_about_self_harm()
            throws Exception {
        try (var probe = EventProbe.open(bootstrap, Topics.SAFETY)) {
            var result = respond(SEVERE_ITEM9_AT_0);

            assertThat(result.get("band").asString()).isEqualTo("severe");
            assertThat(result.get("flags").toString()).isEqualTo("[\"SEVERE_BAND\"]");
            var message = result.get("help").get("message").asString().toLowerCase(Locale.ROOT);
            assertThat(message)
                    .contains("very heavy")
                    .doesNotContain("self-harm", "hurting yourself", "better off dead", "harm");
            assertThat(result.get("help").get("notAnEmergencyService").asString())
                    .contains("not an emergency service");
            assertThat(flagsPublished(probe, 1))
                    .extracting(SafetyFlagRaised::reason)
                    .containsExactly(SafetyFlagReason.SEVERE_BAND);
        }
        assertThat(storedReasons()).containsExactly("SEVERE_BAND");
    }

    @Test
    void item_9_above_0_with_a_low_total_raises_only_a_self_harm_item_flag_and_says_what_was_answered()
            throws Exception {
        try (var probe = EventProbe.open(bootstrap, Topics.SAFETY)) {
            var result = respond(QuestionnaireAndFeedbackIT.PHQ9_ITEM9_ONLY);

            assertThat(result.get("band").asString()).isEqualTo("minimal");
            assertThat(result.get("flags").toString()).isEqualTo("[\"SELF_HARM_ITEM\"]");
            assertThat(result.get("help").get("message").asString()).contains("better off dead or of hurting yourself");
            assertThat(flagsPublished(probe, 1))
                    .extracting(SafetyFlagRaised::reason)
                    .containsExactly(SafetyFlagReason.SELF_HARM_ITEM);
        }
        assertThat(storedReasons()).containsExactly("SELF_HARM_ITEM");
    }

    @Test
    void a_severe_phq9_with_item_9_above_0_raises_both_flags_and_the_client_reads_the_self_harm_words()
            throws Exception {
        try (var probe = EventProbe.open(bootstrap, Topics.SAFETY)) {
            var result = respond(SEVERE_ITEM9_AT_2);

            assertThat(result.get("flags").toString()).isEqualTo("[\"SELF_HARM_ITEM\",\"SEVERE_BAND\"]");
            assertThat(result.get("help").get("message").asString()).contains("better off dead or of hurting yourself");
            var flags = flagsPublished(probe, 2);
            assertThat(flags)
                    .extracting(SafetyFlagRaised::reason)
                    .containsExactlyInAnyOrder(SafetyFlagReason.SELF_HARM_ITEM, SafetyFlagReason.SEVERE_BAND);
            assertThat(flags).extracting(SafetyFlagRaised::flagId).doesNotHaveDuplicates();
        }
        assertThat(storedReasons()).containsExactlyInAnyOrder("SELF_HARM_ITEM", "SEVERE_BAND");
    }

    @Test
    void every_press_of_help_now_is_a_flag_and_an_event_of_its_own() throws Exception {
        try (var probe = EventProbe.open(bootstrap, Topics.SAFETY)) {
            var first = api.post(client, "/api/v1/help-now", "")
                    .expectStatus()
                    .isCreated()
                    .expectBody()
                    .returnResult()
                    .getResponseBody();
            var second = api.post(client, "/api/v1/help-now", "")
                    .expectStatus()
                    .isCreated()
                    .expectBody()
                    .returnResult()
                    .getResponseBody();
            var firstId = EventJson.mapper().readTree(first).get("flagId").asString();
            var secondId = EventJson.mapper().readTree(second).get("flagId").asString();
            assertThat(firstId).isNotEqualTo(secondId);
            assertThat(EventJson.mapper().readTree(second).get("alertRecorded").asBoolean())
                    .isTrue();

            var flags = flagsPublished(probe, 2);
            assertThat(flags).hasSize(2).allMatch(f -> f.reason() == SafetyFlagReason.HELP_NOW);
            assertThat(flags).extracting(f -> f.flagId().toString()).containsExactlyInAnyOrder(firstId, secondId);
        }
        assertThat(storedReasons()).containsExactly("HELP_NOW", "HELP_NOW");
    }
}
