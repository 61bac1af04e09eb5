package org.attune.checkin.web;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.attune.kit.web.FieldRules;

/**
 * The moment a client's report is about. It defaults to now; a client may backdate it ("I forgot yesterday") up to
 * {@link #MAX_BACK}, and a clock a few minutes ahead is tolerated ({@link #MAX_AHEAD}).
 */
public final class RecordedAt {

    public static final String FIELD = "recordedAt";
    public static final Duration MAX_AHEAD = Duration.ofMinutes(5);
    public static final Duration MAX_BACK = Duration.ofDays(60);

    private RecordedAt() {}

    /** The requested moment (to the millisecond), or {@code now} when absent; a field problem when out of range. */
    public static Instant resolve(Instant requested, Instant now, FieldRules rules) {
        if (requested == null) {
            return now;
        }
        if (requested.isAfter(now.plus(MAX_AHEAD))) {
            rules.add(FIELD, "must not be in the future");
            return now;
        }
        if (requested.isBefore(now.minus(MAX_BACK))) {
            rules.add(FIELD, "can be at most " + MAX_BACK.toDays() + " days ago");
            return now;
        }
        return requested.truncatedTo(ChronoUnit.MILLIS);
    }
}
