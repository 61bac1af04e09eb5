package org.attune.notification.alerting;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.attune.events.DataClass;
import org.attune.kit.consent.TherapistAccess;
import org.attune.kit.erasure.ErasedAccounts;
import org.attune.notification.store.Notification;
import org.attune.notification.store.NotificationKind;
import org.attune.notification.store.NotificationStore;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Sends unacknowledged safety alerts again. For each alert whose escalation is due: if the client no longer shares
 * safety alerts with the therapist, its escalation ends; otherwise one instance claims the escalation on the alert
 * document ({@link SafetyAlerts#claim}) and stores its notification, whose id derives from the alert and the
 * escalation's number, so storing it again (after a crash between claim and store, or by another instance finishing
 * a pending one) changes nothing. The notification is then delivered like any other, urgent: in the inbox and by
 * email, at once, whatever the quiet hours and mutes, and cancelled if consent ends before it goes out.
 */
@Component
public class Escalations {

    private final SafetyAlerts alerts;
    private final NotificationStore notifications;
    private final TherapistAccess access;
    private final ErasedAccounts erased;
    private final Clock clock;
    private final Counter escalated;

    Escalations(
            SafetyAlerts alerts,
            NotificationStore notifications,
            TherapistAccess access,
            ErasedAccounts erased,
            Clock clock,
            MeterRegistry registry) {
        this.alerts = alerts;
        this.notifications = notifications;
        this.access = access;
        this.erased = erased;
        this.clock = clock;
        this.escalated = Counter.builder("attune.notifications.safety.escalations")
                .description("Unacknowledged safety alerts sent again")
                .register(registry);
    }

    /** The id of escalation number {@code number} of an alert: one notification per escalation, ever. */
    public static String notificationId(String alertId, int number) {
        return Notification.idFor("safety-alert-escalated:" + alertId + ":" + number);
    }

    /**
     * One pass of the instance {@code owner}: finishes pending escalations, then escalates what is due; emits how many
     * it stored or ended.
     */
    public Mono<Integer> escalateDue(String owner, Instant now, int limit) {
        var finishing = alerts.pending(limit).concatMap(this::issue);
        var due = alerts.due(now, limit).concatMap(alert -> escalate(alert, owner, now));
        return Flux.concat(finishing, due).filter(Boolean::booleanValue).count().map(Long::intValue);
    }

    private Mono<Boolean> escalate(SafetyAlert alert, String owner, Instant now) {
        var therapist = UUID.fromString(alert.therapistId());
        var client = UUID.fromString(alert.clientId());
        return erased.anyErased(client, therapist).flatMap(gone -> {
            if (gone) {
                // The erasure removes the alert; this covers a pass that read it just before.
                return Mono.just(false);
            }
            return access.allows(therapist, client, DataClass.SAFETY_ALERTS)
                    .flatMap(allowed -> allowed
                            ? alerts.claim(alert, now, owner)
                                    .flatMap(this::issue)
                                    .defaultIfEmpty(false)
                            : alerts.end(alert.id(), SafetyAlert.EndReason.GRANT_ENDED, now));
        });
    }

    /** Stores the notification of the alert's pending escalation, once, and clears the mark. */
    private Mono<Boolean> issue(SafetyAlert alert) {
        Integer number = alert.pendingEscalation();
        if (number == null) {
            return Mono.just(false);
        }
        var now = clock.instant();
        var notification = Notification.due(
                notificationId(alert.id(), number),
                alert.therapistId(),
                alert.clientId(),
                NotificationKind.SAFETY_ALERT_ESCALATED,
                List.of(),
                null,
                now,
                now);
        return notifications
                .schedule(notification)
                .doOnNext(stored -> {
                    if (stored) {
                        escalated.increment();
                    }
                })
                .flatMap(stored -> alerts.issued(alert.id(), number).thenReturn(stored));
    }
}
