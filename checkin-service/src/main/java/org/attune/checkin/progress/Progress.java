package org.attune.checkin.progress;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.attune.checkin.change.Change;
import org.attune.events.DataClass;
import org.attune.events.RuptureReason;

/**
 * The progress view. Sections the reader may not see (a therapist without that data class) are absent. Check-in
 * days are continuity, never a streak: a week without check-ins is simply a week with 0 days.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Progress(
        LocalDate from,
        LocalDate to,
        Set<DataClass> includedDataClasses,
        Mood mood,
        List<InstrumentSeries> instruments,
        List<SessionPoint> sessionConnection,
        String about) {

    public record Mood(
            List<DayPoint> daily,
            List<WeekWindows> windowOfTolerance,
            List<WeekDays> checkInDays,
            List<Count> topEmotions,
            List<Count> topTags) {}

    /** Averages of the day's check-ins. */
    public record DayPoint(LocalDate date, double mood, double energy, int checkIns) {}

    /** How many check-ins of the week (starting Monday) were in each window. */
    public record WeekWindows(LocalDate weekStart, int hyper, int within, int hypo) {}

    public record WeekDays(LocalDate weekStart, int days) {}

    public record Count(String word, int count) {}

    /**
     * One instrument's responses in the range; {@code change} is judged from the first response ever (baseline) to
     * the latest, and is absent with a single response or for an instrument without published change numbers.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record InstrumentSeries(String code, List<InstrumentPoint> points, Change change) {}

    public record InstrumentPoint(Instant completedAt, int total, int maxTotal, String band) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SessionPoint(
            Instant recordedAt,
            LocalDate sessionDate,
            int total,
            int maxTotal,
            boolean ruptureSignal,
            RuptureReason ruptureReason) {}
}
