package org.attune.webui.settings;

import java.time.DayOfWeek;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.attune.events.Channel;
import org.attune.webui.security.Caller;

/** The notification-service's preferences and session rhythm for the signed-in person. */
public interface SettingsGateway {

    /**
     * Times are local {@code HH:mm} in {@code timeZone}; null reminder or quiet hours mean none. {@code language} is
     * a BCP 47 tag ({@code en} by default); the service replaces every field on save, so it is always sent back.
     */
    record Preferences(
            String timeZone,
            String dailyReminderTime,
            DayOfWeek weeklyQuestionnaireDay,
            String quietHoursStart,
            String quietHoursEnd,
            Set<Channel> channels,
            String email,
            List<String> mutedKinds,
            String language) {}

    /** The weekly session, local to {@code timeZone}; day and time are both set or both null. */
    record SessionRhythm(String timeZone, DayOfWeek weeklyDay, String weeklyTime, int durationMinutes) {}

    /**
     * The stored session rhythm as the service reads it back: {@code SET} with the rhythm and the next session (null
     * when none is coming), {@code NONE} before any was saved (404), {@code UNKNOWN} when the service did not answer.
     */
    record StoredRhythm(State state, SessionRhythm rhythm, Instant nextSessionAt) {

        public enum State {
            SET,
            NONE,
            UNKNOWN
        }

        public static StoredRhythm none() {
            return new StoredRhythm(State.NONE, null, null);
        }

        public static StoredRhythm unknown() {
            return new StoredRhythm(State.UNKNOWN, null, null);
        }
    }

    /** How a save went; {@code fieldErrors} maps the service's field names to its messages. */
    record Saved(Status status, Map<String, String> fieldErrors) {

        public enum Status {
            SAVED,
            INVALID,
            REFUSED,
            UNAVAILABLE
        }

        public static Saved of(Status status) {
            return new Saved(status, Map.of());
        }
    }

    /** The saved preferences (the service answers with gentle defaults before any were saved). */
    Optional<Preferences> preferences(Caller caller);

    Saved savePreferences(Caller caller, Preferences preferences);

    /** The caller's own session rhythm. */
    StoredRhythm sessionRhythm(Caller caller);

    Saved saveSessionRhythm(Caller caller, SessionRhythm rhythm);
}
