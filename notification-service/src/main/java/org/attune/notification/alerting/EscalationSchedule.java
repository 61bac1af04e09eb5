package org.attune.notification.alerting;

import java.time.Duration;
import java.time.Instant;

/**
 * When an unacknowledged safety alert is sent again: once at the end of the acknowledgement window, then every
 * {@link #REPEAT} after that first escalation. The slots are fixed from the first alert, so a send that happened late
 * (every instance was down) does not move the later ones, and slots that passed meanwhile are not made up in a burst:
 * the next send is the first slot after the late one.
 */
public final class EscalationSchedule {

    public static final Duration REPEAT = Duration.ofHours(24);

    private EscalationSchedule() {}

    /** The first escalation: the end of the window that starts with the first alert. */
    public static Instant firstDue(Instant alertedAt, Duration window) {
        return alertedAt.plus(window);
    }

    /** The slot of escalation number {@code n} (1 for the first). */
    public static Instant slot(Instant alertedAt, Duration window, int n) {
        if (n < 1) {
            throw new IllegalArgumentException("escalations are numbered from 1");
        }
        return firstDue(alertedAt, window).plus(REPEAT.multipliedBy(n - 1L));
    }

    /**
     * The next slot after escalation number {@code sent} went out at {@code sentAt}: the slot of number
     * {@code sent + 1}, or the first slot after {@code sentAt} when that one has passed too.
     */
    public static Instant nextAfter(Instant alertedAt, Duration window, int sent, Instant sentAt) {
        var next = slot(alertedAt, window, sent + 1);
        if (next.isAfter(sentAt)) {
            return next;
        }
        long behind = Duration.between(next, sentAt).dividedBy(REPEAT) + 1;
        return next.plus(REPEAT.multipliedBy(behind));
    }
}
