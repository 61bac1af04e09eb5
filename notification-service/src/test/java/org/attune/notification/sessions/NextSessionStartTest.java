package org.attune.notification.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class NextSessionStartTest {

    private static final Instant FRIDAY_NOON = Instant.parse("2026-05-08T12:00:00Z");

    @Test
    void the_next_weekly_session_is_at_its_local_time_in_the_schedules_zone() {
        var next = SessionPlanner.nextStart(FRIDAY_NOON, "Europe/London", DayOfWeek.TUESDAY, "14:00", List.of());

        assertThat(next).contains(Instant.parse("2026-05-12T13:00:00Z")); // 14:00 BST
    }

    @Test
    void a_weekly_session_keeps_its_local_time_across_a_daylight_saving_change() {
        // Berlin moves to summer time on Sunday 29 March 2026; Monday 10:00 is 09:00Z before and 08:00Z after.
        var before = SessionPlanner.nextStart(
                Instant.parse("2026-03-20T12:00:00Z"), "Europe/Berlin", DayOfWeek.MONDAY, "10:00", null);
        var after = SessionPlanner.nextStart(
                Instant.parse("2026-03-27T12:00:00Z"), "Europe/Berlin", DayOfWeek.MONDAY, "10:00", null);

        assertThat(before).contains(Instant.parse("2026-03-23T09:00:00Z"));
        assertThat(after).contains(Instant.parse("2026-03-30T08:00:00Z"));
    }

    @Test
    void a_session_that_has_already_started_is_not_the_next_one() {
        var tuesdayAtTwoPast = Instant.parse("2026-05-12T13:02:00Z");

        var next = SessionPlanner.nextStart(tuesdayAtTwoPast, "Europe/London", DayOfWeek.TUESDAY, "14:00", List.of());

        assertThat(next).contains(Instant.parse("2026-05-19T13:00:00Z"));
    }

    @Test
    void an_earlier_one_off_session_comes_before_the_weekly_one_and_past_ones_are_ignored() {
        var past = Instant.parse("2026-05-01T09:00:00Z");
        var sunday = Instant.parse("2026-05-10T09:00:00Z");
        var later = Instant.parse("2026-06-01T09:00:00Z");

        var next = SessionPlanner.nextStart(
                FRIDAY_NOON, "Europe/London", DayOfWeek.TUESDAY, "14:00", List.of(later, past, sunday));

        assertThat(next).contains(sunday);
    }

    @Test
    void one_off_sessions_alone_give_the_earliest_upcoming_and_none_when_all_are_past() {
        var soon = Instant.parse("2026-05-20T15:00:00Z");
        var later = Instant.parse("2026-05-27T15:00:00Z");

        assertThat(SessionPlanner.nextStart(FRIDAY_NOON, "America/New_York", null, null, List.of(later, soon)))
                .contains(soon);
        assertThat(SessionPlanner.nextStart(later.plusSeconds(1), "America/New_York", null, null, List.of(later, soon)))
                .isEmpty();
    }
}
