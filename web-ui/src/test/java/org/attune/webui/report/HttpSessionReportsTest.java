package org.attune.webui.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** How the report reads checkin-service's answers: defensively, and never more than was shared. */
class HttpSessionReportsTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void aChangeJudgementIsTakenWhereProgressStatesOneAndNoneIsMadeUpWhereItDoesNot() {
        var progress = JSON.readTree("""
                {"instruments": [
                  {"code": "PHQ-9", "points": [], "change": {"outcome": "RELIABLE_IMPROVEMENT", "baselineTotal": 12}},
                  {"code": "GAD-7", "points": []},
                  {"code": "PCL-5", "points": [], "change": null}]}""");

        assertThat(HttpSessionReports.changes(progress))
                .containsExactly(java.util.Map.entry("PHQ-9", "RELIABLE_IMPROVEMENT"));
        assertThat(HttpSessionReports.changes(JSON.readTree("{}"))).isEmpty();
    }

    @Test
    void aSessionsWordsAreInTheReportOnlyWhenTheClientSharedThem() {
        var own = JSON.readTree("""
                [{"sessionDate": "2026-11-17", "recordedAt": "2026-11-17T18:15:00Z", "total": 18, "maxTotal": 40,
                  "ruptureSignal": true, "comment": "kept to myself", "commentShared": false},
                 {"sessionDate": "2026-11-10", "recordedAt": "2026-11-10T18:15:00Z", "total": 30, "maxTotal": 40,
                  "ruptureSignal": false, "comment": "said it out loud", "commentShared": true}]""");
        var therapists = JSON.readTree("""
                [{"sessionDate": "2026-11-17", "recordedAt": "2026-11-17T18:15:00Z", "total": 18, "maxTotal": 40,
                  "ruptureSignal": true, "comment": null}]""");

        var sessions = HttpSessionReports.sessions(own);
        assertThat(sessions)
                .extracting(SessionReport.Session::sessionDate)
                .containsExactly(LocalDate.of(2026, 11, 10), LocalDate.of(2026, 11, 17));
        assertThat(sessions).extracting(SessionReport.Session::words).containsExactly("said it out loud", null);
        assertThat(HttpSessionReports.sessions(therapists))
                .singleElement()
                .satisfies(s -> assertThat(s.words()).isNull());
    }

    @Test
    void safetyFlagsOfThePeriodKeepTheirAcknowledgementTime() {
        var flags = JSON.readTree("""
                [{"id": "a", "reason": "HELP_NOW", "raisedAt": "2026-11-03T21:10:00Z", "acknowledgedAt": "2026-11-03T21:35:00Z"},
                 {"id": "b", "reason": "SELF_HARM_ITEM", "raisedAt": "2026-09-01T10:00:00Z", "acknowledgedAt": null},
                 {"id": "c", "reason": "HELP_NOW", "raisedAt": "2026-11-20T08:00:00Z", "acknowledgedAt": null}]""");

        var inPeriod = HttpSessionReports.flags(flags, LocalDate.of(2026, 10, 17), LocalDate.of(2026, 11, 27));

        assertThat(inPeriod)
                .containsExactly(
                        new SessionReport.Flag(
                                "HELP_NOW",
                                Instant.parse("2026-11-03T21:10:00Z"),
                                Instant.parse("2026-11-03T21:35:00Z")),
                        new SessionReport.Flag("HELP_NOW", Instant.parse("2026-11-20T08:00:00Z"), null));
    }
}
