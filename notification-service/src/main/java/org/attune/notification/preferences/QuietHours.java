package org.attune.notification.preferences;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;

/**
 * A daily span of local time with no non-urgent notifications; it may wrap midnight (22:00–08:00). Equal start and end
 * mean no quiet hours.
 */
public record QuietHours(LocalTime start, LocalTime end) {

    public boolean contains(LocalTime time) {
        if (start.equals(end)) {
            return false;
        }
        if (start.isBefore(end)) {
            return !time.isBefore(start) && time.isBefore(end);
        }
        return !time.isBefore(start) || time.isBefore(end);
    }

    /** When {@code now} falls in quiet hours, the instant they end; otherwise empty. */
    public Optional<Instant> endIfQuiet(Instant now, ZoneId zone) {
        var local = now.atZone(zone);
        if (!contains(local.toLocalTime())) {
            return Optional.empty();
        }
        var date = local.toLocalDate();
        // Wrapping span, evening part: quiet hours end tomorrow morning.
        if (!start.isBefore(end) && !local.toLocalTime().isBefore(start)) {
            date = date.plusDays(1);
        }
        var endsAt = LocalTimes.at(date, end, zone);
        return Optional.of(
                endsAt.isAfter(now)
                        ? endsAt
                        : LocalTimes.nextDaily(now, end, zone).instant());
    }
}
