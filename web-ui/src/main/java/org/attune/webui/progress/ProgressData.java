package org.attune.webui.progress;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * checkin-service's progress view ({@code GET /api/v1/progress}, {@code GET /api/v1/clients/{id}/progress}).
 * Sections the reader may not see are null. Check-in days are continuity, never a streak.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ProgressData(
        LocalDate from,
        LocalDate to,
        Set<String> includedDataClasses,
        Mood mood,
        List<InstrumentSeries> instruments,
        List<SessionPoint> sessionConnection,
        String about) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Mood(
            List<DayPoint> daily,
            List<WeekWindows> windowOfTolerance,
            List<WeekDays> checkInDays,
            List<Count> topEmotions,
            List<Count> topTags) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record DayPoint(LocalDate date, double mood, double energy, int checkIns) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record WeekWindows(LocalDate weekStart, int hyper, int within, int hypo) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record WeekDays(LocalDate weekStart, int days) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Count(String word, int count) {}

    /** {@code change} is null with a single response or for an instrument without published change numbers. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record InstrumentSeries(String code, List<InstrumentPoint> points, Change change) {}

    /**
     * How the instrument's total moved from the client's first response ever (baseline) to the latest, judged by
     * checkin-service against the published reliable-change threshold and caseness cut-off. {@code outcome} is one of
     * RELIABLE_RECOVERY, RECOVERY, RELIABLE_IMPROVEMENT, NO_RELIABLE_CHANGE, RELIABLE_DETERIORATION.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Change(
            String outcome,
            int baselineTotal,
            Instant baselineAt,
            int latestTotal,
            Instant latestAt,
            int reliableChange,
            int caseness) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record InstrumentPoint(Instant completedAt, int total, int maxTotal, String band) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record SessionPoint(
            Instant recordedAt,
            LocalDate sessionDate,
            int total,
            int maxTotal,
            boolean ruptureSignal,
            String ruptureReason) {}

    /** True when none of the shown sections holds anything yet. */
    public boolean isEmpty() {
        boolean noMood = mood == null || ((mood.daily() == null || mood.daily().isEmpty()));
        boolean noInstruments = instruments == null
                || instruments.stream()
                        .allMatch(s -> s.points() == null || s.points().isEmpty());
        boolean noSessions = sessionConnection == null || sessionConnection.isEmpty();
        return noMood && noInstruments && noSessions;
    }
}
