package org.attune.webui.settings;

import java.time.DayOfWeek;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.attune.events.Channel;
import org.attune.webui.security.Caller;

/** The notification-service's preferences and session rhythm for the signed-in person. */
public interface SettingsGateway {

    /** Times are local {@code HH:mm} in {@code timeZone}; null reminder or quiet hours mean none. */
    record Preferences(
            String timeZone,
            String dailyReminderTime,
            DayOfWeek weeklyQuestionnaireDay,
            String quietHoursStart,
            String quietHoursEnd,
            Set<Channel> channels,
            String email,
            List<String> mutedKinds) {}

    /** The weekly session, local to {@code timeZone}; day and time are both set or both null. */
    record SessionRhythm(String timeZone, DayOfWeek weeklyDay, String weeklyTime, int durationMinutes) {}

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

    Saved saveSessionRhythm(Caller caller, SessionRhythm rhythm);
}
