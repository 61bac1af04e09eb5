package org.attune.notification.preferences;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class LocalTimesTest {

    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final LocalTime NINE = LocalTime.of(9, 0);

    @Test
    void a_nine_oclock_reminder_stays_at_nine_local_across_the_spring_switch_in_london() {
        var saturday = LocalTimes.nextDaily(Instant.parse("2026-03-28T08:00:00Z"), NINE, LONDON);
        var sunday = LocalTimes.nextDaily(saturday.instant(), NINE, LONDON);
        var monday = LocalTimes.nextDaily(sunday.instant(), NINE, LONDON);

        assertThat(saturday.instant()).isEqualTo(Instant.parse("2026-03-28T09:00:00Z")); // GMT
        assertThat(sunday.instant()).isEqualTo(Instant.parse("2026-03-29T08:00:00Z")); // BST from 01:00 UTC
        assertThat(monday.instant()).isEqualTo(Instant.parse("2026-03-30T08:00:00Z"));
        assertThat(sunday.date()).isEqualTo(LocalDate.of(2026, 3, 29));
        assertThat(sunday.instant().atZone(LONDON).toLocalTime()).isEqualTo(NINE);
    }

    @Test
    void a_nine_oclock_reminder_stays_at_nine_local_across_the_autumn_switch_in_london() {
        var saturday = LocalTimes.nextDaily(Instant.parse("2026-10-24T00:00:00Z"), NINE, LONDON);
        var sunday = LocalTimes.nextDaily(saturday.instant(), NINE, LONDON);

        assertThat(saturday.instant()).isEqualTo(Instant.parse("2026-10-24T08:00:00Z")); // BST
        assertThat(sunday.instant()).isEqualTo(Instant.parse("2026-10-25T09:00:00Z")); // GMT again
    }

    @Test
    void a_nine_oclock_reminder_stays_at_nine_local_across_both_switches_in_new_york() {
        var saturday = LocalTimes.nextDaily(Instant.parse("2026-03-07T12:00:00Z"), NINE, NEW_YORK);
        var sunday = LocalTimes.nextDaily(saturday.instant(), NINE, NEW_YORK);
        assertThat(saturday.instant()).isEqualTo(Instant.parse("2026-03-07T14:00:00Z")); // EST
        assertThat(sunday.instant()).isEqualTo(Instant.parse("2026-03-08T13:00:00Z")); // EDT

        var octSaturday = LocalTimes.nextDaily(Instant.parse("2026-10-31T12:00:00Z"), NINE, NEW_YORK);
        var novSunday = LocalTimes.nextDaily(octSaturday.instant(), NINE, NEW_YORK);
        assertThat(octSaturday.instant()).isEqualTo(Instant.parse("2026-10-31T13:00:00Z")); // EDT
        assertThat(novSunday.instant()).isEqualTo(Instant.parse("2026-11-01T14:00:00Z")); // EST
    }

    @Test
    void a_local_time_inside_the_spring_gap_moves_to_the_next_valid_minute() {
        // New York skips 02:00-03:00 on 8 March 2026; London skips 01:00-02:00 on 29 March 2026.
        assertThat(LocalTimes.at(LocalDate.of(2026, 3, 8), LocalTime.of(2, 30), NEW_YORK))
                .isEqualTo(Instant.parse("2026-03-08T07:00:00Z"));
        assertThat(LocalTimes.at(LocalDate.of(2026, 3, 8), LocalTime.of(2, 30), NEW_YORK)
                        .atZone(NEW_YORK)
                        .toLocalTime())
                .isEqualTo(LocalTime.of(3, 0));
        assertThat(LocalTimes.at(LocalDate.of(2026, 3, 29), LocalTime.of(1, 15), LONDON)
                        .atZone(LONDON)
                        .toLocalTime())
                .isEqualTo(LocalTime.of(2, 0));
    }

    @Test
    void a_local_time_that_happens_twice_in_autumn_is_the_first_of_the_two() {
        assertThat(LocalTimes.at(LocalDate.of(2026, 11, 1), LocalTime.of(1, 30), NEW_YORK))
                .isEqualTo(Instant.parse("2026-11-01T05:30:00Z")); // 01:30 EDT, not 01:30 EST
    }

    @Test
    void the_next_daily_occurrence_is_strictly_after_the_given_instant() {
        var exactly = LocalTimes.nextDaily(Instant.parse("2026-03-28T09:00:00Z"), NINE, LONDON);
        assertThat(exactly.date()).isEqualTo(LocalDate.of(2026, 3, 29));
    }

    @Test
    void the_next_weekly_occurrence_lands_on_the_chosen_day_at_local_time() {
        var next = LocalTimes.nextWeekly(
                Instant.parse("2026-03-25T12:00:00Z"), DayOfWeek.MONDAY, LocalTime.of(18, 0), LONDON);
        assertThat(next.date()).isEqualTo(LocalDate.of(2026, 3, 30));
        assertThat(next.instant()).isEqualTo(Instant.parse("2026-03-30T17:00:00Z"));
    }
}
