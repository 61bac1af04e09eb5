package org.attune.webui.settings;

import java.time.Instant;
import java.util.Optional;
import org.attune.webui.security.Caller;

/**
 * The one-tap boundaries every reminder offers (notification-service's {@code /api/v1/preferences/muted-kinds} and
 * {@code /pause}): mute a kind of reminder, pause all reminders for a week, and end a pause sooner. Safety messages
 * are never reminders; the service refuses to mute them.
 */
public interface ReminderChoices {

    /** The reminder kinds a person may mute from the reminder itself (the service's own list). */
    java.util.Set<String> KINDS = java.util.Set.of(
            "daily-checkin",
            "weekly-questionnaire",
            "measure-due",
            "session-reminder",
            "session-connection-check",
            "content-recommended",
            "content-assigned");

    enum Result {
        DONE,
        REFUSED,
        UNAVAILABLE
    }

    Result mute(Caller caller, String kind);

    Result pauseForAWeek(Caller caller);

    Result resume(Caller caller);

    /** Until when reminders are paused; empty when they are not, or the service did not answer. */
    Optional<Instant> pausedUntil(Caller caller);
}
