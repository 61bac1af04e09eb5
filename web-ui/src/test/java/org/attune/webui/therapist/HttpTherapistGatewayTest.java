package org.attune.webui.therapist;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Reading the services' answers: absent parts mean "not shared", null means "nothing yet". */
class HttpTherapistGatewayTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void aFullSummaryIsReadWithGapsInTheMoodLine() {
        var node = JSON.readTree("""
                {"lastCheckInAt":"2026-11-26T08:00:00Z","recentMood":[5,null,7.5],"openSafetyFlags":2,
                 "lastRupture":{"recordedAt":"2026-11-20T10:00:00Z","reason":"LOW_TOTAL"},
                 "instrumentTrend":[{"code":"PHQ-9","latestBand":"moderate","previousBand":"mild","worsening":true}],
                 "somethingNew":true}
                """);

        var summary = HttpTherapistGateway.summary(node);

        assertThat(summary.moodShared()).isTrue();
        assertThat(summary.lastCheckInAt()).isEqualTo(Instant.parse("2026-11-26T08:00:00Z"));
        assertThat(summary.recentMood()).containsExactly(5.0, null, 7.5);
        assertThat(summary.openSafetyFlags()).isEqualTo(2);
        assertThat(summary.lastRupture().reason()).isEqualTo("LOW_TOTAL");
        assertThat(summary.anyWorsening()).isTrue();
    }

    @Test
    void partsThatAreNotSharedAreAbsentAndStayUnknown() {
        var summary = HttpTherapistGateway.summary(JSON.readTree("{\"lastRupture\":null}"));

        assertThat(summary.moodShared()).isFalse();
        assertThat(summary.openSafetyFlags()).isNull();
        assertThat(summary.instrumentTrend()).isNull();
        assertThat(summary.feedbackShared()).isTrue();
        assertThat(summary.lastRupture()).isNull();
    }

    @Test
    void safetyFlagsAreReadFromAListOrAPage() {
        var list = HttpTherapistGateway.list(
                JSON.readTree("[{\"id\":\"f1\",\"reason\":\"HELP_NOW\",\"raisedAt\":\"2026-11-27T09:00:00Z\"}]"),
                HttpTherapistGateway::flag);
        var page = HttpTherapistGateway.list(
                JSON.readTree(
                        "{\"items\":[{\"flagId\":\"f2\",\"reason\":\"SELF_HARM_ITEM\",\"raisedAt\":\"2026-11-27T09:00:00Z\","
                                + "\"acknowledgedAt\":\"2026-11-27T10:00:00Z\"}]}"),
                HttpTherapistGateway::flag);

        assertThat(list.getFirst().id()).isEqualTo("f1");
        assertThat(list.getFirst().isOpen()).isTrue();
        assertThat(page.getFirst().id()).isEqualTo("f2");
        assertThat(page.getFirst().isOpen()).isFalse();
    }

    @Test
    void assignmentsCarryTheirCompletion() {
        var items = HttpTherapistGateway.list(JSON.readTree("""
                        [{"assignmentId":"a1","clientId":"c","therapistId":"t","slug":"box-breathing","title":"Box breathing",
                          "note":null,"dueDate":"2026-12-01","assignedAt":"2026-11-20T09:00:00Z","completed":true,
                          "completedAt":"2026-11-21T09:00:00Z"}]
                        """), HttpTherapistGateway::assignment);

        assertThat(items.getFirst().title()).isEqualTo("Box breathing");
        assertThat(items.getFirst().completed()).isTrue();
        assertThat(items.getFirst().dueDate()).hasToString("2026-12-01");
    }
}
