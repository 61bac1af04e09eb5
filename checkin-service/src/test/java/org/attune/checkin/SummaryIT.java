package org.attune.checkin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.attune.events.DataClass;
import org.attune.testsupport.AttuneIntegrationTest;
import org.attune.testsupport.EventPublisher;
import org.attune.testsupport.TestInfrastructure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@AttuneIntegrationTest
class SummaryIT {

    static final String GAD7_MINIMAL = "{\"answers\": {\"1\":0,\"2\":0,\"3\":0,\"4\":0,\"5\":0,\"6\":0,\"7\":0}}";
    static final String GAD7_MILD = "{\"answers\": {\"1\":1,\"2\":1,\"3\":1,\"4\":1,\"5\":1,\"6\":0,\"7\":0}}";

    @LocalServerPort
    int port;

    Api api;
    EventPublisher events;
    UUID client = UUID.randomUUID();
    UUID therapist = UUID.randomUUID();

    @BeforeEach
    void setUp() throws Exception {
        api = new Api(port);
        events = new EventPublisher(TestInfrastructure.get().bootstrapServers());
        var threeDaysAgo = Instant.now().minus(Duration.ofDays(3)).truncatedTo(ChronoUnit.SECONDS);
        api.post(client, "/api/v1/checkins", """
                        {"mood": 2, "window": "HYPO", "energy": 2, "recordedAt": "%s"}""".formatted(threeDaysAgo))
                .expectStatus()
                .isCreated();
        api.post(client, "/api/v1/checkins", Api.checkIn(4)).expectStatus().isCreated();
        api.post(client, "/api/v1/checkins", Api.checkIn(8)).expectStatus().isCreated();
        api.post(client, "/api/v1/questionnaires/GAD-7/responses", GAD7_MINIMAL)
                .expectStatus()
                .isCreated();
        Api.awaitNextMillisecond();
        api.post(client, "/api/v1/questionnaires/GAD-7/responses", GAD7_MILD)
                .expectStatus()
                .isCreated();
        api.post(client, "/api/v1/questionnaires/PHQ-9/responses", QuestionnaireAndFeedbackIT.PHQ9_ITEM9_ONLY)
                .expectStatus()
                .isCreated();
        api.post(client, "/api/v1/help-now", "").expectStatus().isCreated();
        api.post(client, "/api/v1/session-feedback", "{\"heard\":9,\"goals\":9,\"approach\":9,\"overall\":9}")
                .expectStatus()
                .isCreated();
        api.post(
                        client,
                        "/api/v1/session-feedback",
                        "{\"heard\":3,\"goals\":3,\"approach\":3,\"overall\":3,\"comment\":\"not heard\"}")
                .expectStatus()
                .isCreated();
    }

    @AfterEach
    void tearDown() {
        events.close();
    }

    String summary() {
        return "/api/v1/clients/" + client + "/summary";
    }

    @Test
    void without_a_grant_the_summary_is_403_and_with_mood_check_ins_only_it_holds_only_the_mood_part()
            throws Exception {
        api.therapistGet(therapist, summary()).expectStatus().isForbidden();
        api.therapistGet(therapist, "/api/v1/clients/" + UUID.randomUUID() + "/summary")
                .expectStatus()
                .isForbidden();
        Grants.grantAndAwait(api, events, client, therapist, EnumSet.of(DataClass.MOOD_CHECKINS), summary(), 200);

        Double[] expectedMood = new Double[14];
        expectedMood[10] = 2.0;
        expectedMood[13] = 6.0;
        api.therapistGet(therapist, summary())
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.lastCheckInAt")
                .isNotEmpty()
                .jsonPath("$.recentMood")
                .value(mood -> assertThat((List<Object>) mood).containsExactlyElementsOf(Arrays.asList(expectedMood)))
                .jsonPath("$.includedDataClasses")
                .value(classes -> assertThat((List<Object>) classes).containsExactly("MOOD_CHECKINS"))
                .jsonPath("$.openSafetyFlags")
                .doesNotExist()
                .jsonPath("$.lastRupture")
                .doesNotExist()
                .jsonPath("$.instrumentTrend")
                .doesNotExist();
    }

    @Test
    void with_every_class_granted_the_summary_shows_what_needs_attention_and_logs_each_class() throws Exception {
        Grants.grantAndAwait(
                api,
                events,
                client,
                therapist,
                EnumSet.of(
                        DataClass.MOOD_CHECKINS,
                        DataClass.SAFETY_ALERTS,
                        DataClass.SESSION_FEEDBACK,
                        DataClass.INSTRUMENT_SCORES),
                summary(),
                200);
        var body = api.therapistGet(therapist, summary())
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.openSafetyFlags")
                .isEqualTo(2)
                .jsonPath("$.lastRupture.reason")
                .isEqualTo("LOW_TOTAL")
                .jsonPath("$.lastRupture.recordedAt")
                .isNotEmpty()
                .jsonPath("$.instrumentTrend.length()")
                .isEqualTo(2)
                .jsonPath("$.instrumentTrend[0].code")
                .isEqualTo("GAD-7")
                .jsonPath("$.instrumentTrend[0].latestBand")
                .isEqualTo("mild")
                .jsonPath("$.instrumentTrend[0].previousBand")
                .isEqualTo("minimal")
                .jsonPath("$.instrumentTrend[0].change.outcome")
                .isEqualTo("RELIABLE_DETERIORATION")
                .jsonPath("$.instrumentTrend[1].code")
                .isEqualTo("PHQ-9")
                .jsonPath("$.instrumentTrend[1].previousBand")
                .isEmpty()
                .jsonPath("$.instrumentTrend[1].change")
                .isEmpty()
                .jsonPath("$.recentMood.length()")
                .isEqualTo(14)
                .returnResult()
                .getResponseBody();
        assertThat(new String(body)).doesNotContain("not heard");

        // the summary read is logged once per data class it included
        api.get(client, "/api/v1/access-log")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.entries[?(@.resource == 'summary')].dataClass")
                .value(classes -> assertThat((List<Object>) classes)
                        .hasSize(8)
                        .containsOnly("MOOD_CHECKINS", "SAFETY_ALERTS", "SESSION_FEEDBACK", "INSTRUMENT_SCORES"));
    }
}
