package org.attune.checkin.progress;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.attune.checkin.change.Change;
import org.attune.checkin.checkin.CheckIn;
import org.attune.checkin.feedback.SessionFeedback;
import org.attune.checkin.questionnaire.QuestionnaireResponse;
import org.attune.events.DataClass;

/** Computes the progress view from stored facts; pure, so it is tested without infrastructure. */
final class ProgressCalculator {

    static final int TOP = 5;
    static final String ABOUT =
            "Every check-in is a moment of noticing. Quieter weeks are part of the picture too," + " just as they are.";

    private ProgressCalculator() {}

    static Progress compute(
            LocalDate from,
            LocalDate to,
            Set<DataClass> included,
            List<CheckIn> checkIns,
            List<QuestionnaireResponse> responses,
            Map<String, Change> changes,
            List<SessionFeedback> feedback) {
        Progress.Mood mood = included.contains(DataClass.MOOD_CHECKINS) ? mood(from, to, checkIns) : null;
        List<Progress.InstrumentSeries> instruments =
                included.contains(DataClass.INSTRUMENT_SCORES) ? instruments(responses, changes) : null;
        List<Progress.SessionPoint> sessions = included.contains(DataClass.SESSION_FEEDBACK)
                ? feedback.stream()
                        .map(f -> new Progress.SessionPoint(
                                f.recordedAt(),
                                f.sessionDate(),
                                f.total(),
                                f.maxTotal(),
                                f.ruptureSignal(),
                                f.ruptureReason()))
                        .toList()
                : null;
        return new Progress(from, to, Set.copyOf(included), mood, instruments, sessions, ABOUT);
    }

    static Progress.Mood mood(LocalDate from, LocalDate to, List<CheckIn> checkIns) {
        var byDay = new TreeMap<LocalDate, List<CheckIn>>();
        for (CheckIn c : checkIns) {
            byDay.computeIfAbsent(c.localDate(), d -> new ArrayList<>()).add(c);
        }
        var daily = byDay.entrySet().stream()
                .map(e -> new Progress.DayPoint(
                        e.getKey(),
                        round(e.getValue().stream()
                                .mapToInt(CheckIn::mood)
                                .average()
                                .orElse(0)),
                        round(e.getValue().stream()
                                .mapToInt(CheckIn::energy)
                                .average()
                                .orElse(0)),
                        e.getValue().size()))
                .toList();

        // Every week of the range is listed, also those without check-ins: continuity, not a streak.
        var windows = new LinkedHashMap<LocalDate, int[]>();
        var days = new LinkedHashMap<LocalDate, Set<LocalDate>>();
        for (LocalDate week = weekStart(from); !week.isAfter(to); week = week.plusWeeks(1)) {
            windows.put(week, new int[3]);
            days.put(week, new HashSet<>());
        }
        for (CheckIn c : checkIns) {
            var week = weekStart(c.localDate());
            var counts = windows.computeIfAbsent(week, w -> new int[3]);
            counts[c.window().ordinal()]++;
            days.computeIfAbsent(week, w -> new HashSet<>()).add(c.localDate());
        }
        var windowWeeks = windows.entrySet().stream()
                .map(e -> new Progress.WeekWindows(e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2]))
                .toList();
        var dayWeeks = days.entrySet().stream()
                .map(e -> new Progress.WeekDays(e.getKey(), e.getValue().size()))
                .toList();
        return new Progress.Mood(
                daily,
                windowWeeks,
                dayWeeks,
                top(checkIns.stream().flatMap(c -> c.emotions().stream()).toList()),
                top(checkIns.stream().flatMap(c -> c.tags().stream()).toList()));
    }

    static List<Progress.InstrumentSeries> instruments(
            List<QuestionnaireResponse> responses, Map<String, Change> changes) {
        var byCode = new TreeMap<String, List<Progress.InstrumentPoint>>();
        for (var r : responses) {
            byCode.computeIfAbsent(r.code(), c -> new ArrayList<>())
                    .add(new Progress.InstrumentPoint(r.completedAt(), r.total(), r.maxTotal(), r.band()));
        }
        return byCode.entrySet().stream()
                .map(e -> new Progress.InstrumentSeries(e.getKey(), e.getValue(), changes.get(e.getKey())))
                .toList();
    }

    /** The most frequent words, most frequent first, ties alphabetical. */
    static List<Progress.Count> top(List<String> words) {
        Map<String, Integer> counts = new HashMap<>();
        words.forEach(w -> counts.merge(w, 1, Integer::sum));
        return counts.entrySet().stream()
                .sorted(Comparator.<Map.Entry<String, Integer>>comparingInt(Map.Entry::getValue)
                        .reversed()
                        .thenComparing(Map.Entry::getKey))
                .limit(TOP)
                .map(e -> new Progress.Count(e.getKey(), e.getValue()))
                .toList();
    }

    static LocalDate weekStart(LocalDate date) {
        return date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
