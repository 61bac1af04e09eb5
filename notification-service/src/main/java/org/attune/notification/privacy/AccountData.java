package org.attune.notification.privacy;

import org.attune.notification.consent.ConsentGrants;
import org.attune.notification.preferences.PreferencesStore;
import org.attune.notification.sessions.SessionPlanner;
import org.attune.notification.sessions.SessionSchedules;
import org.attune.notification.store.NotificationStore;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Erasure of everything this service holds about an account. */
@Component
public class AccountData {

    private final NotificationStore notifications;
    private final PreferencesStore preferences;
    private final ConsentGrants consent;
    private final SessionPlanner sessionPlans;
    private final SessionSchedules schedules;

    AccountData(
            NotificationStore notifications,
            PreferencesStore preferences,
            ConsentGrants consent,
            SessionPlanner sessionPlans,
            SessionSchedules schedules) {
        this.notifications = notifications;
        this.preferences = preferences;
        this.consent = consent;
        this.sessionPlans = sessionPlans;
        this.schedules = schedules;
    }

    /** Deletes the account's notifications (to it or about it), preferences, schedules and consent grants. */
    public Mono<Void> erase(String accountId) {
        return notifications
                .erase(accountId)
                .then(preferences.erase(accountId))
                .then(consent.erase(accountId))
                .then(sessionPlans.erase(accountId))
                .then(schedules.erase(accountId))
                .then();
    }
}
