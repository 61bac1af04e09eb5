package org.attune.notification.preferences;

import java.time.Instant;
import java.util.List;
import org.attune.notification.store.Notification;
import org.attune.notification.store.NotificationKind;
import org.attune.notification.store.NotificationStore;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Plans the daily check-in and weekly questionnaire reminders one at a time: the next occurrence is planned once the
 * previous one is due. Ids are derived from person and local date, so two instances planning at once store one.
 */
@Component
public class ReminderPlanner {

    private final PreferencesStore preferences;
    private final NotificationStore notifications;

    ReminderPlanner(PreferencesStore preferences, NotificationStore notifications) {
        this.preferences = preferences;
        this.notifications = notifications;
    }

    public static String dailyId(String clientId, String localDate) {
        return Notification.idFor("daily-checkin:" + clientId + ":" + localDate);
    }

    static String weeklyId(String clientId, String localDate) {
        return Notification.idFor("weekly-questionnaire:" + clientId + ":" + localDate);
    }

    /** Plans what has become due for planning; emits how many preferences it looked at. */
    public Mono<Integer> planDue(Instant now, int limit) {
        var daily = preferences
                .dailyPlanningDue(now, limit)
                .concatMap(p -> planDaily(p, now).thenReturn(1));
        var weekly = preferences
                .weeklyPlanningDue(now, limit)
                .concatMap(p -> planWeekly(p, now).thenReturn(1));
        return daily.concatWith(weekly).count().map(Long::intValue);
    }

    /** Drops pending reminders and plans them again, after the preferences changed. */
    public Mono<Void> replan(Preferences p, Instant now) {
        return notifications
                .removeScheduled(p.id(), List.of(NotificationKind.DAILY_CHECKIN, NotificationKind.WEEKLY_QUESTIONNAIRE))
                .then(preferences.setCursor(p.id(), "nextDailyAt", null))
                .then(preferences.setCursor(p.id(), "nextWeeklyAt", null))
                .then(planDaily(p, now))
                .then(planWeekly(p, now));
    }

    Mono<Void> planDaily(Preferences p, Instant now) {
        if (p.dailyTime() == null) {
            return Mono.empty();
        }
        var next = LocalTimes.nextDaily(now, p.dailyTime(), p.zone());
        var date = next.date().toString();
        var reminder = Notification.due(
                dailyId(p.id(), date),
                p.id(),
                p.id(),
                NotificationKind.DAILY_CHECKIN,
                List.of(),
                date,
                next.instant(),
                now);
        return notifications.schedule(reminder).then(preferences.setCursor(p.id(), "nextDailyAt", next.instant()));
    }

    Mono<Void> planWeekly(Preferences p, Instant now) {
        if (p.weeklyQuestionnaireDay() == null) {
            return Mono.empty();
        }
        var next = LocalTimes.nextWeekly(now, p.weeklyQuestionnaireDay(), p.weeklyTime(), p.zone());
        var date = next.date().toString();
        var reminder = Notification.due(
                weeklyId(p.id(), date),
                p.id(),
                p.id(),
                NotificationKind.WEEKLY_QUESTIONNAIRE,
                List.of(),
                date,
                next.instant(),
                now);
        return notifications.schedule(reminder).then(preferences.setCursor(p.id(), "nextWeeklyAt", next.instant()));
    }
}
