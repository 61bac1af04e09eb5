package org.attune.notification.preferences;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;

/**
 * Wall-clock times to instants, the way people expect across daylight-saving changes: a 09:00 reminder stays at 09:00
 * local; a local time that does not exist that day (the spring-forward gap) moves to the first valid minute after the
 * gap; a local time that happens twice (autumn) is the first of the two.
 */
public final class LocalTimes {

    private LocalTimes() {}

    public static Instant at(LocalDate date, LocalTime time, ZoneId zone) {
        var local = LocalDateTime.of(date, time.withSecond(0).withNano(0));
        var rules = zone.getRules();
        if (rules.getValidOffsets(local).isEmpty()) {
            // In a gap: the transition instant is the first moment that exists on the wall clock after it.
            return rules.getTransition(local).getInstant();
        }
        return ZonedDateTime.ofLocal(local, zone, null).toInstant();
    }

    /** A dated occurrence of a wall-clock time. */
    public record Occurrence(LocalDate date, Instant instant) {}

    /** The first daily occurrence of {@code time} strictly after {@code after}. */
    public static Occurrence nextDaily(Instant after, LocalTime time, ZoneId zone) {
        var date = after.atZone(zone).toLocalDate().minusDays(1);
        for (int i = 0; i < 4; i++, date = date.plusDays(1)) {
            var instant = at(date, time, zone);
            if (instant.isAfter(after)) {
                return new Occurrence(date, instant);
            }
        }
        throw new IllegalStateException("no daily occurrence found");
    }

    /** The first weekly occurrence of {@code day} at {@code time} strictly after {@code after}. */
    public static Occurrence nextWeekly(Instant after, DayOfWeek day, LocalTime time, ZoneId zone) {
        var date = after.atZone(zone).toLocalDate().minusDays(1).with(TemporalAdjusters.nextOrSame(day));
        for (int i = 0; i < 3; i++, date = date.plusWeeks(1)) {
            var instant = at(date, time, zone);
            if (instant.isAfter(after)) {
                return new Occurrence(date, instant);
            }
        }
        throw new IllegalStateException("no weekly occurrence found");
    }
}
