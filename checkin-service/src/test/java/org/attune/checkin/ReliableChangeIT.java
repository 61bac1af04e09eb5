package org.attune.checkin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.UUID;
import org.attune.events.DataClass;
import org.attune.testsupport.AttuneIntegrationTest;
import org.attune.testsupport.EventPublisher;
import org.attune.testsupport.TestInfrastructure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Change is judged from the first response to the latest against the published reliable-change threshold, not by a
 * band edge: GAD-7 4 -> 5 crosses a band edge and is no reliable change; PHQ-9 3 -> 9 moves 6 points and is a
 * reliable deterioration.
 */
@AttuneIntegrationTest
class ReliableChangeIT {

    @LocalServerPort
    int port;

    Api api;
    EventPublisher events;
    UUID client = UUID.randomUUID();
    UUID therapist = UUID.randomUUID();

    static String gad7(int total) {
        return answers(7, total);
    }

    /** Item 9 stays 0 for the totals used here: these responses are about change, not safety. */
    static String phq9(int total) {
        return answers(9, total);
    }

    /** Answers 0-3 filled from the first item so that they add up to {@code total}; {@code recordedAt} left open. */
    static String answers(int items, int total) {
        var json = new StringBuilder("{\"answers\": {");
        int left = total;
        for (int i = 1; i <= items; i++) {
            int value = Math.min(3, left);
            left -= value;
            json.append(i > 1 ? "," : "").append('"').append(i).append("\":").append(value);
        }
        return json.append("}, \"recordedAt\": \"%s\"}").toString();
    }

    void answer(String code, String body, int daysAgo) {
        var at = Instant.now().minus(Duration.ofDays(daysAgo)).truncatedTo(ChronoUnit.SECONDS);
        api.post(client, "/api/v1/questionnaires/" + code + "/responses", body.formatted(at))
                .expectStatus()
                .isCreated();
    }

    @BeforeEach
    void setUp() {
        api = new Api(port);
        events = new EventPublisher(TestInfrastructure.get().bootstrapServers());
        answer("GAD-7", gad7(4), 30);
        answer("GAD-7", gad7(9), 20);
        answer("GAD-7", gad7(5), 2);
        answer("PHQ-9", phq9(3), 30);
        answer("PHQ-9", phq9(9), 1);
    }

    @AfterEach
    void tearDown() {
        events.close();
    }

    @Test
    void the_client_sees_each_instruments_change_from_the_first_response_in_plain_words() {
        api.get(
                        client,
                        "/api/v1/progress?from="
                                + java.time.LocalDate.now(java.time.ZoneOffset.UTC)
                                        .minusDays(6))
                .expectStatus()
                .isOk()
                .expectBody()
                // the range holds only the latest responses, the baseline is still the first one
                .jsonPath("$.instruments[0].code")
                .isEqualTo("GAD-7")
                .jsonPath("$.instruments[0].points.length()")
                .isEqualTo(1)
                .jsonPath("$.instruments[0].change.outcome")
                .isEqualTo("NO_RELIABLE_CHANGE")
                .jsonPath("$.instruments[0].change.baselineTotal")
                .isEqualTo(4)
                .jsonPath("$.instruments[0].change.latestTotal")
                .isEqualTo(5)
                .jsonPath("$.instruments[0].change.text")
                .value(text -> assertThat((String) text)
                        .contains("measurement noise")
                        .doesNotContainIgnoringCase("fail to")
                        .doesNotContainIgnoringCase("missed"))
                .jsonPath("$.instruments[1].code")
                .isEqualTo("PHQ-9")
                .jsonPath("$.instruments[1].change.outcome")
                .isEqualTo("RELIABLE_DETERIORATION")
                .jsonPath("$.instruments[1].change.reliableChange")
                .isEqualTo(6)
                .jsonPath("$.instruments[1].change.caseness")
                .isEqualTo(10)
                .jsonPath("$.instruments[1].change.text")
                .value(text -> assertThat((String) text)
                        .contains("more than measurement noise alone would explain")
                        .contains("feeling harder"));
    }

    @Test
    void the_therapists_summary_marks_reliable_deterioration_not_a_band_change() throws Exception {
        var summary = "/api/v1/clients/" + client + "/summary";
        Grants.grantAndAwait(api, events, client, therapist, EnumSet.of(DataClass.INSTRUMENT_SCORES), summary, 200);
        api.therapistGet(therapist, summary)
                .expectStatus()
                .isOk()
                .expectBody()
                // GAD-7: 9 -> 5 moved from mild to mild, 4 -> 5 from minimal to mild: no reliable change either way
                .jsonPath("$.instrumentTrend[0].previousBand")
                .isEqualTo("mild")
                .jsonPath("$.instrumentTrend[0].change.outcome")
                .isEqualTo("NO_RELIABLE_CHANGE")
                // PHQ-9: 3 -> 9 stays below caseness but moved 6 points
                .jsonPath("$.instrumentTrend[1].latestBand")
                .isEqualTo("mild")
                .jsonPath("$.instrumentTrend[1].change.outcome")
                .isEqualTo("RELIABLE_DETERIORATION")
                .jsonPath("$.instrumentTrend[1].change.therapistText")
                .value(text -> assertThat((String) text).startsWith("Reliable deterioration: from 3 to 9"));
    }
}
