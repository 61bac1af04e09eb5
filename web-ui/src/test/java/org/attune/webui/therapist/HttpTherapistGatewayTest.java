package org.attune.webui.therapist;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.attune.events.Role;
import org.attune.webui.security.Caller;
import org.attune.webui.token.FakeService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/** Reading the services' answers: absent parts mean "not shared", null means "nothing yet". */
class HttpTherapistGatewayTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path dir;

    final Caller therapist = new Caller(UUID.randomUUID(), Role.THERAPIST);

    @Test
    void aClientsSessionRhythmIsAskedForByClientIdAndReadWithItsNextSession() throws Exception {
        var client = UUID.randomUUID();
        try (var service = new FakeService()) {
            service.answer(200, """
                    {"scheduleId":"7b0c3f9e-1d2a-4c5b-8e6f-0a1b2c3d4e5f","clientId":"%s","timeZone":"Europe/Dublin",
                    "weeklyDay":"TUESDAY","weeklyTime":"14:00","oneOffStarts":["2026-12-24T10:00:00Z"],
                    "durationMinutes":50,"therapistId":null,"nextSessionAt":"2026-12-01T14:00:00Z"}""".formatted(client));

            var schedule = new HttpTherapistGateway(service.tokens(dir)).sessionSchedule(therapist, client);

            assertThat(service.last().method()).isEqualTo("GET");
            assertThat(service.last().pathAndQuery()).isEqualTo("/api/v1/session-schedule?clientId=" + client);
            assertThat(schedule)
                    .isEqualTo(new ClientSchedule(
                            ClientSchedule.State.SET,
                            "Europe/Dublin",
                            DayOfWeek.TUESDAY,
                            "14:00",
                            50,
                            List.of(Instant.parse("2026-12-24T10:00:00Z")),
                            Instant.parse("2026-12-01T14:00:00Z")));
        }
    }

    @Test
    void noRhythmYetIsToldApartFromARefusalOrSilence() throws Exception {
        var client = UUID.randomUUID();
        try (var service = new FakeService()) {
            var gateway = new HttpTherapistGateway(service.tokens(dir));

            service.answer(404, "{\"status\":404}");
            assertThat(gateway.sessionSchedule(therapist, client).state()).isEqualTo(ClientSchedule.State.NONE);

            service.answer(403, "{\"status\":403}");
            assertThat(gateway.sessionSchedule(therapist, client).state()).isEqualTo(ClientSchedule.State.UNAVAILABLE);

            service.answer(200, "{\"weeklyDay\":\"SOMEDAY\"}");
            assertThat(gateway.sessionSchedule(therapist, client).state()).isEqualTo(ClientSchedule.State.UNAVAILABLE);
        }
        assertThat(new HttpTherapistGateway(FakeService.unreachable(dir))
                        .sessionSchedule(therapist, client)
                        .state())
                .isEqualTo(ClientSchedule.State.UNAVAILABLE);
    }

    @Test
    void aFullSummaryIsReadWithGapsInTheMoodLine() {
        var node = JSON.readTree("""
                {"lastCheckInAt":"2026-11-26T08:00:00Z","recentMood":[5,null,7.5],"openSafetyFlags":2,
                 "lastRupture":{"recordedAt":"2026-11-20T10:00:00Z","reason":"LOW_TOTAL"},
                 "instrumentTrend":[{"code":"PHQ-9","latestBand":"moderate","previousBand":"mild",
                                    "change":{"outcome":"RELIABLE_DETERIORATION","baselineTotal":3,"latestTotal":11}},
                                   {"code":"GAD-7","latestBand":"mild","previousBand":null,"change":null}],
                 "somethingNew":true}
                """);

        var summary = HttpTherapistGateway.summary(node);

        assertThat(summary.moodShared()).isTrue();
        assertThat(summary.lastCheckInAt()).isEqualTo(Instant.parse("2026-11-26T08:00:00Z"));
        assertThat(summary.recentMood()).containsExactly(5.0, null, 7.5);
        assertThat(summary.openSafetyFlags()).isEqualTo(2);
        assertThat(summary.lastRupture().reason()).isEqualTo("LOW_TOTAL");
        assertThat(summary.anyReliableDeterioration()).isTrue();
        assertThat(summary.instrumentTrend())
                .extracting(ClientSummary.InstrumentTrend::change)
                .containsExactly("RELIABLE_DETERIORATION", null);
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
