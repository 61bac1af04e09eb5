package org.attune.notification.preferences;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class QuietHoursTest {

    static final ZoneId LONDON = ZoneId.of("Europe/London");
    final QuietHours night = new QuietHours(LocalTime.of(21, 0), LocalTime.of(9, 0));

    @Test
    void a_span_across_midnight_covers_late_evening_and_early_morning_only() {
        assertThat(night.contains(LocalTime.of(21, 0))).isTrue();
        assertThat(night.contains(LocalTime.of(23, 59))).isTrue();
        assertThat(night.contains(LocalTime.of(3, 0))).isTrue();
        assertThat(night.contains(LocalTime.of(9, 0))).isFalse();
        assertThat(night.contains(LocalTime.of(14, 0))).isFalse();
    }

    @Test
    void a_notification_in_the_evening_waits_until_the_morning_after() {
        var end = night.endIfQuiet(Instant.parse("2026-03-28T22:30:00Z"), LONDON);
        // Quiet hours end at 09:00 London on the 29th, which is already BST.
        assertThat(end).contains(Instant.parse("2026-03-29T08:00:00Z"));
    }

    @Test
    void a_notification_early_in_the_morning_waits_until_the_same_morning() {
        assertThat(night.endIfQuiet(Instant.parse("2026-03-28T05:00:00Z"), LONDON))
                .contains(Instant.parse("2026-03-28T09:00:00Z"));
    }

    @Test
    void outside_quiet_hours_nothing_waits() {
        assertThat(night.endIfQuiet(Instant.parse("2026-03-28T12:00:00Z"), LONDON))
                .isEmpty();
    }

    @Test
    void equal_start_and_end_mean_no_quiet_hours() {
        var none = new QuietHours(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT);
        assertThat(none.contains(LocalTime.of(3, 0))).isFalse();
    }

    @Test
    void a_daytime_span_does_not_wrap() {
        var nap = new QuietHours(LocalTime.of(13, 0), LocalTime.of(15, 0));
        assertThat(nap.contains(LocalTime.of(14, 0))).isTrue();
        assertThat(nap.contains(LocalTime.of(16, 0))).isFalse();
        assertThat(nap.contains(LocalTime.of(12, 0))).isFalse();
    }
}
