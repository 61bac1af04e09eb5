package org.attune.notification.privacy;

import java.util.UUID;
import org.attune.events.Role;
import org.attune.kit.erasure.AccountDataEraser;
import org.attune.notification.alerting.AlertSettingsStore;
import org.attune.notification.alerting.SafetyAlerts;
import org.attune.notification.preferences.PreferencesStore;
import org.attune.notification.sessions.SessionPlanner;
import org.attune.notification.sessions.SessionSchedules;
import org.attune.notification.store.NotificationStore;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * What this service holds of an account beyond what the kit erases (consent grants, access log): notifications to it
 * or about it, its preferences, its session schedule and plan, a therapist's id on the schedules they set, the
 * acknowledgement state of safety alerts to or about it, and a therapist's alert settings.
 */
@Component
class NotificationDataEraser implements AccountDataEraser {

    private final NotificationStore notifications;
    private final PreferencesStore preferences;
    private final SessionPlanner sessionPlans;
    private final SessionSchedules schedules;
    private final SafetyAlerts safetyAlerts;
    private final AlertSettingsStore alertSettings;

    NotificationDataEraser(
            NotificationStore notifications,
            PreferencesStore preferences,
            SessionPlanner sessionPlans,
            SessionSchedules schedules,
            SafetyAlerts safetyAlerts,
            AlertSettingsStore alertSettings) {
        this.notifications = notifications;
        this.preferences = preferences;
        this.sessionPlans = sessionPlans;
        this.schedules = schedules;
        this.safetyAlerts = safetyAlerts;
        this.alertSettings = alertSettings;
    }

    @Override
    public Mono<Void> erase(UUID accountId, Role role) {
        var id = accountId.toString();
        return notifications
                .erase(id)
                .then(preferences.erase(id))
                .then(sessionPlans.erase(id))
                .then(schedules.erase(id))
                .then(safetyAlerts.erase(id))
                .then(alertSettings.erase(id));
    }
}
