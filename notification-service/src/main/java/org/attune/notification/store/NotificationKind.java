package org.attune.notification.store;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import org.attune.events.DataClass;

/**
 * What a notification is about. {@code urgent} kinds (safety) ignore quiet hours and mutes and never expire; the
 * others are dropped as EXPIRED when they could only arrive later than {@code usefulFor} after they were due.
 */
public enum NotificationKind {
    DAILY_CHECKIN("daily-checkin", false, Duration.ofHours(3)),
    WEEKLY_QUESTIONNAIRE("weekly-questionnaire", false, Duration.ofHours(12)),
    SESSION_REMINDER("session-reminder", false, null),
    SESSION_CONNECTION_CHECK("session-connection-check", false, Duration.ofHours(24)),
    SAFETY_ALERT("safety-alert", true, null),
    /** A safety alert sent again because nobody acknowledged it within the therapist's window (see alerting). */
    SAFETY_ALERT_ESCALATED("safety-alert-escalated", true, null),
    CRISIS_RESOURCES("crisis-resources", true, null),
    CONSENT_GRANTED_CLIENT("consent-granted-client", false, null),
    CONSENT_GRANTED_THERAPIST("consent-granted-therapist", false, null),
    CONSENT_ENDED_CLIENT("consent-ended-client", false, null),
    CONSENT_ENDED_THERAPIST("consent-ended-therapist", false, null),
    RUPTURE_SIGNAL("rupture-signal", false, null),
    CONTENT_RECOMMENDED("content-recommended", false, null),
    CONTENT_ASSIGNED("content-assigned", false, null),
    /** A measure the therapist scheduled opened its window; it expires when the window closes (see measures). */
    MEASURE_DUE("measure-due", false, null);

    private final String wireName;
    private final boolean urgent;
    private final Duration usefulFor;

    NotificationKind(String wireName, boolean urgent, Duration usefulFor) {
        this.wireName = wireName;
        this.urgent = urgent;
        this.usefulFor = usefulFor;
    }

    /** The name in events, preferences and the inbox, e.g. {@code "daily-checkin"}. */
    public String wireName() {
        return wireName;
    }

    public boolean urgent() {
        return urgent;
    }

    /** How long after its due instant a notification still helps; empty when it never goes stale. */
    public Optional<Duration> usefulFor() {
        return Optional.ofNullable(usefulFor);
    }

    /**
     * The data class a therapist needs an active grant of to receive (and later see whom it is about) a notification
     * of this kind about a client's data; empty for kinds that carry none.
     */
    public Optional<DataClass> sharedAs() {
        return switch (this) {
            case SAFETY_ALERT, SAFETY_ALERT_ESCALATED -> Optional.of(DataClass.SAFETY_ALERTS);
            case RUPTURE_SIGNAL -> Optional.of(DataClass.SESSION_FEEDBACK);
            default -> Optional.empty();
        };
    }

    /** The state a delivered notification of this kind is in: an escalation is recorded as ESCALATED. */
    public NotificationState deliveredState() {
        return this == SAFETY_ALERT_ESCALATED ? NotificationState.ESCALATED : NotificationState.DELIVERED;
    }

    /**
     * A reminder: a gentle nudge to the person themselves, which they may mute by kind or pause for a while with one
     * tap (inbox and email). Safety messages, consent notices and a therapist's alerts are not reminders.
     */
    public boolean reminder() {
        return switch (this) {
            case DAILY_CHECKIN,
                    WEEKLY_QUESTIONNAIRE,
                    SESSION_REMINDER,
                    SESSION_CONNECTION_CHECK,
                    CONTENT_RECOMMENDED,
                    CONTENT_ASSIGNED -> !urgent;
            default -> false;
        };
    }

    public static Optional<NotificationKind> fromWireName(String name) {
        return Arrays.stream(values()).filter(k -> k.wireName.equals(name)).findFirst();
    }
}
