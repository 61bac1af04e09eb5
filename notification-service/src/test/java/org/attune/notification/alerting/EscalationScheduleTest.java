package org.attune.notification.alerting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class EscalationScheduleTest {

    static final Instant ALERTED = Instant.parse("2026-03-27T12:00:00Z");
    static final Duration FOUR_HOURS = Duration.ofHours(4);

    @Test
    void the_first_escalation_is_due_at_the_end_of_the_window() {
        assertThat(EscalationSchedule.firstDue(ALERTED, FOUR_HOURS)).isEqualTo(Instant.parse("2026-03-27T16:00:00Z"));
        assertThat(EscalationSchedule.firstDue(ALERTED, Duration.ofMinutes(15)))
                .isEqualTo(Instant.parse("2026-03-27T12:15:00Z"));
        assertThat(EscalationSchedule.firstDue(ALERTED, Duration.ofHours(72)))
                .isEqualTo(Instant.parse("2026-03-30T12:00:00Z"));
    }

    @Test
    void later_escalations_follow_every_24_hours_after_the_first() {
        assertThat(EscalationSchedule.slot(ALERTED, FOUR_HOURS, 1)).isEqualTo(Instant.parse("2026-03-27T16:00:00Z"));
        assertThat(EscalationSchedule.slot(ALERTED, FOUR_HOURS, 2)).isEqualTo(Instant.parse("2026-03-28T16:00:00Z"));
        assertThat(EscalationSchedule.slot(ALERTED, FOUR_HOURS, 3)).isEqualTo(Instant.parse("2026-03-29T16:00:00Z"));
    }

    @Test
    void within_two_days_of_the_alert_there_are_the_alert_and_two_escalations() {
        var end = ALERTED.plus(Duration.ofDays(2));
        int escalations = 0;
        for (int n = 1; !EscalationSchedule.slot(ALERTED, FOUR_HOURS, n).isAfter(end); n++) {
            escalations++;
        }
        assertThat(escalations).isEqualTo(2);
    }

    @Test
    void a_send_on_time_is_followed_by_the_next_slot() {
        var first = EscalationSchedule.slot(ALERTED, FOUR_HOURS, 1);
        assertThat(EscalationSchedule.nextAfter(ALERTED, FOUR_HOURS, 1, first))
                .isEqualTo(Instant.parse("2026-03-28T16:00:00Z"));
        assertThat(EscalationSchedule.nextAfter(ALERTED, FOUR_HOURS, 1, first.plusSeconds(30)))
                .as("a few seconds late keeps the rhythm")
                .isEqualTo(Instant.parse("2026-03-28T16:00:00Z"));
    }

    @Test
    void a_late_send_keeps_the_slots_fixed_and_does_not_make_up_the_missed_ones_in_a_burst() {
        // Every instance was down from before the first slot until three and a half days later.
        var late = Instant.parse("2026-03-31T04:00:00Z");
        assertThat(EscalationSchedule.nextAfter(ALERTED, FOUR_HOURS, 1, late))
                .isEqualTo(Instant.parse("2026-03-31T16:00:00Z"));
    }

    @Test
    void a_send_exactly_on_a_later_slot_moves_to_the_one_after_it() {
        var onThirdSlot = EscalationSchedule.slot(ALERTED, FOUR_HOURS, 3);
        assertThat(EscalationSchedule.nextAfter(ALERTED, FOUR_HOURS, 1, onThirdSlot))
                .isEqualTo(EscalationSchedule.slot(ALERTED, FOUR_HOURS, 4));
    }

    @Test
    void the_next_slot_is_always_after_the_send() {
        for (int minutes = 0; minutes < 5 * 24 * 60; minutes += 37) {
            var sentAt = EscalationSchedule.slot(ALERTED, FOUR_HOURS, 1).plus(Duration.ofMinutes(minutes));
            var next = EscalationSchedule.nextAfter(ALERTED, FOUR_HOURS, 1, sentAt);
            assertThat(next).isAfter(sentAt);
            assertThat(Duration.between(sentAt, next)).isLessThanOrEqualTo(EscalationSchedule.REPEAT);
            assertThat(Duration.between(EscalationSchedule.firstDue(ALERTED, FOUR_HOURS), next)
                                    .toMinutes()
                            % EscalationSchedule.REPEAT.toMinutes())
                    .as("on the alert's own rhythm")
                    .isZero();
        }
    }

    @Test
    void escalations_are_numbered_from_one() {
        assertThatThrownBy(() -> EscalationSchedule.slot(ALERTED, FOUR_HOURS, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void an_alert_waits_for_the_window_it_started_with() {
        var alert = new SafetyAlert(
                "a",
                "c",
                "t",
                "f",
                ALERTED,
                30,
                ALERTED.plus(Duration.ofMinutes(30)),
                0,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
        assertThat(alert.nextAfterSending(ALERTED.plus(Duration.ofMinutes(30))))
                .isEqualTo(ALERTED.plus(Duration.ofMinutes(30)).plus(Duration.ofHours(24)));
    }
}
