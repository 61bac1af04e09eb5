package org.attune.checkin.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.attune.checkin.checkin.CheckIn;
import org.attune.checkin.feedback.SessionFeedback;
import org.attune.events.DataClass;
import org.attune.events.RuptureReason;
import org.attune.events.WindowOfTolerance;
import org.junit.jupiter.api.Test;

class ProgressCalculatorTest {

    static final UUID CLIENT = UUID.randomUUID();

    static CheckIn checkIn(LocalDate day, int mood, WindowOfTolerance window, List<String> emotions) {
        return new CheckIn(
                UUID.randomUUID().toString(),
                CLIENT,
                day.atStartOfDay().toInstant(java.time.ZoneOffset.UTC),
                day,
                mood,
                window,
                emotions,
                4,
                null,
                List.of("numbing"),
                null,
                null,
                null);
    }

    // 2026-11-16 and 2026-11-23 are Mondays
    final LocalDate from = LocalDate.of(2026, 11, 16);
    final LocalDate to = LocalDate.of(2026, 11, 29);
    final List<CheckIn> checkIns = List.of(
            checkIn(LocalDate.of(2026, 11, 16), 4, WindowOfTolerance.HYPO, List.of("sad", "tired")),
            checkIn(LocalDate.of(2026, 11, 16), 6, WindowOfTolerance.WITHIN, List.of("tired")),
            checkIn(LocalDate.of(2026, 11, 18), 7, WindowOfTolerance.HYPER, List.of("anxious")));

    @Test
    void daily_means_windows_per_week_and_check_in_days_per_week_including_a_week_without_any() {
        var mood = ProgressCalculator.mood(from, to, checkIns);
        assertThat(mood.daily()).extracting(Progress.DayPoint::mood).containsExactly(5.0, 7.0);
        assertThat(mood.daily().getFirst().checkIns()).isEqualTo(2);
        assertThat(mood.windowOfTolerance())
                .containsExactly(
                        new Progress.WeekWindows(LocalDate.of(2026, 11, 16), 1, 1, 1),
                        new Progress.WeekWindows(LocalDate.of(2026, 11, 23), 0, 0, 0));
        assertThat(mood.checkInDays())
                .containsExactly(
                        new Progress.WeekDays(LocalDate.of(2026, 11, 16), 2),
                        new Progress.WeekDays(LocalDate.of(2026, 11, 23), 0));
        assertThat(mood.topEmotions().getFirst()).isEqualTo(new Progress.Count("tired", 2));
        assertThat(mood.topTags()).containsExactly(new Progress.Count("numbing", 3));
    }

    @Test
    void only_the_included_data_classes_appear() {
        var feedback = new SessionFeedback(
                "f", CLIENT, 5, 5, 5, 5, 20, 40, true, RuptureReason.LOW_TOTAL, true, null, null, Instant.now(), null);
        var onlyFeedback = ProgressCalculator.compute(
                from, to, EnumSet.of(DataClass.SESSION_FEEDBACK), checkIns, List.of(), Map.of(), List.of(feedback));
        assertThat(onlyFeedback.mood()).isNull();
        assertThat(onlyFeedback.instruments()).isNull();
        assertThat(onlyFeedback.sessionConnection()).hasSize(1);
        assertThat(onlyFeedback.sessionConnection().getFirst().ruptureReason()).isEqualTo(RuptureReason.LOW_TOTAL);
        assertThat(onlyFeedback.about()).doesNotContainIgnoringCase("streak").doesNotContainIgnoringCase("missed");
    }
}
