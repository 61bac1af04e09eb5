package org.attune.checkin.measures;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.attune.events.MeasureCadenceUnit;

/**
 * When a scheduled measure falls due. Due dates are calendar days counted from the first due date (never from the
 * previous one, so "monthly from the 31st" stays on the last day of short months and returns to the 31st), and a
 * window runs from the start of its due day to the start of the day {@code windowDays} later, both in the client's
 * zone. A daylight-saving change therefore moves no due date; it only makes that window an hour shorter or longer.
 */
record Cadence(int every, MeasureCadenceUnit unit) {

    static final int MAX_EVERY = 52;

    /** The due date of occurrence {@code index} (0 = the first). */
    LocalDate due(LocalDate first, int index) {
        long steps = (long) every * index;
        return switch (unit) {
            case DAYS -> first.plusDays(steps);
            case WEEKS -> first.plusWeeks(steps);
            case MONTHS -> first.plusMonths(steps);
        };
    }

    /** The shortest gap between two due dates, which a window may not exceed (so two windows never overlap). */
    int shortestDays() {
        return switch (unit) {
            case DAYS -> every;
            case WEEKS -> 7 * every;
            case MONTHS -> 28 * every;
        };
    }

    /** The first occurrence due on or after {@code day}. */
    int firstIndexOnOrAfter(LocalDate first, LocalDate day) {
        int index = 0;
        while (due(first, index).isBefore(day)) {
            index++;
        }
        return index;
    }

    /** The first occurrence whose window is still open (or not yet open) at {@code now}. */
    int firstIndexNotClosed(LocalDate first, int from, int windowDays, ZoneId zone, Instant now) {
        int index = from;
        while (!Window.of(due(first, index), windowDays, zone).closesAt().isAfter(now)) {
            index++;
        }
        return index;
    }

    /** One occurrence's window: open from {@code opensAt} (inclusive) until {@code closesAt} (exclusive). */
    record Window(LocalDate dueDate, Instant opensAt, Instant closesAt) {

        static Window of(LocalDate dueDate, int windowDays, ZoneId zone) {
            return new Window(
                    dueDate,
                    dueDate.atStartOfDay(zone).toInstant(),
                    dueDate.plusDays(windowDays).atStartOfDay(zone).toInstant());
        }
    }
}
