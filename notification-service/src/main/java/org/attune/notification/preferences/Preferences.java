package org.attune.notification.preferences;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.attune.events.Channel;
import org.attune.events.Role;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One person's notification preferences ({@code id} = account id), plus the planning cursors: the due instant of the
 * last daily / weekly reminder planned, so a pass plans the next one only once the previous one is due.
 *
 * @param pausedUntil until when the person paused every reminder (one tap in the inbox or an email); null when not
 *     paused. Set and cleared only through the pause itself, so saving the other preferences keeps it.
 */
@Document("preferences")
public record Preferences(
        @Id String id,
        Role role,
        String timeZone,
        String dailyReminderTime,
        DayOfWeek weeklyQuestionnaireDay,
        String quietHoursStart,
        String quietHoursEnd,
        Set<Channel> channels,
        String email,
        List<String> mutedKinds,
        String language,
        Instant updatedAt,
        Instant nextDailyAt,
        Instant nextWeeklyAt,
        Instant pausedUntil) {

    /** The language of people who never chose one, including everyone whose preferences predate the choice. */
    public static final String DEFAULT_LANGUAGE = "en";

    public Preferences {
        if (language == null) {
            language = DEFAULT_LANGUAGE;
        }
    }

    /**
     * Gentle defaults: for a client one reminder a day in the early evening, for a therapist none; quiet from 21:00
     * to 09:00; in-app only.
     */
    public static Preferences defaults(String accountId, Role role, Instant now) {
        return new Preferences(
                accountId,
                role,
                "UTC",
                role == Role.THERAPIST ? null : "18:00",
                null,
                "21:00",
                "09:00",
                Set.of(Channel.IN_APP),
                null,
                List.of(),
                DEFAULT_LANGUAGE,
                now,
                null,
                null,
                null);
    }

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }

    public LocalTime dailyTime() {
        return dailyReminderTime == null ? null : LocalTime.parse(dailyReminderTime);
    }

    /** The weekly questionnaire comes at the daily reminder time, or mid-morning when daily reminders are off. */
    public LocalTime weeklyTime() {
        return dailyReminderTime == null ? LocalTime.of(10, 0) : dailyTime();
    }

    public QuietHours quietHours() {
        if (quietHoursStart == null || quietHoursEnd == null) {
            return new QuietHours(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT);
        }
        return new QuietHours(LocalTime.parse(quietHoursStart), LocalTime.parse(quietHoursEnd));
    }

    public boolean emailEnabled() {
        return channels != null && channels.contains(Channel.EMAIL) && email != null && !email.isBlank();
    }

    /** Whether reminders are paused at {@code now}; a pause ends by itself. */
    public boolean paused(Instant now) {
        return pausedUntil != null && now.isBefore(pausedUntil);
    }

    public boolean muted(String kind) {
        return mutedKinds != null && (mutedKinds.contains(kind) || mutedKinds.contains("all"));
    }
}
