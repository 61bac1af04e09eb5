package org.attune.notification.reactions;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.attune.events.AttuneEvent;
import org.attune.events.CheckInRecorded;
import org.attune.events.ConsentEndReason;
import org.attune.events.ConsentGranted;
import org.attune.events.ConsentRevoked;
import org.attune.events.ContentAssigned;
import org.attune.events.ContentRecommended;
import org.attune.events.DataClass;
import org.attune.events.Role;
import org.attune.events.SafetyFlagRaised;
import org.attune.events.SessionFeedbackRecorded;
import org.attune.events.SessionScheduled;
import org.attune.events.Topics;
import org.attune.notification.consent.ConsentGrants;
import org.attune.notification.dispatch.SchedulerLoop;
import org.attune.notification.messaging.AppliedEvents;
import org.attune.notification.preferences.PreferencesStore;
import org.attune.notification.preferences.ReminderPlanner;
import org.attune.notification.sessions.SessionPlanner;
import org.attune.notification.store.Notification;
import org.attune.notification.store.NotificationKind;
import org.attune.notification.store.NotificationStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.messaging.handler.annotation.Payload;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Turns other services' events into notifications. Each event is applied idempotently (notification ids derive from
 * the event's own ids) and then remembered, so a redelivery changes nothing.
 */
@Component
class DomainEventsListener {

    private static final Logger log = LoggerFactory.getLogger(DomainEventsListener.class);

    private final AppliedEvents applied;
    private final NotificationStore notifications;
    private final ConsentGrants consent;
    private final PreferencesStore preferences;
    private final SessionPlanner sessions;
    private final SchedulerLoop scheduler;
    private final Clock clock;

    DomainEventsListener(
            AppliedEvents applied,
            NotificationStore notifications,
            ConsentGrants consent,
            PreferencesStore preferences,
            SessionPlanner sessions,
            SchedulerLoop scheduler,
            Clock clock) {
        this.applied = applied;
        this.notifications = notifications;
        this.consent = consent;
        this.preferences = preferences;
        this.sessions = sessions;
        this.scheduler = scheduler;
        this.clock = clock;
    }

    @KafkaListener(topics = Topics.SAFETY)
    void onSafety(AttuneEvent event) {
        if (event instanceof SafetyFlagRaised flag) {
            once(flag, Topics.SAFETY, () -> safetyFlag(flag));
            scheduler.wake();
        }
    }

    @KafkaListener(topics = Topics.CONSENT)
    void onConsent(@Payload(required = false) AttuneEvent event) {
        if (event == null) {
            return; // a compaction tombstone: the pair's revocation came before it
        }
        switch (event) {
            case ConsentGranted granted -> once(granted, Topics.CONSENT, () -> granted(granted));
            case ConsentRevoked revoked -> once(revoked, Topics.CONSENT, () -> revoked(revoked));
            default -> {}
        }
    }

    @KafkaListener(topics = {Topics.CHECKINS, Topics.SESSION_FEEDBACK, Topics.CONTENT, Topics.SESSIONS})
    void onClientActivity(AttuneEvent event) {
        String topic = Topics.topicOf(event);
        switch (event) {
            case CheckInRecorded checkIn -> once(checkIn, topic, () -> checkIn(checkIn));
            case SessionFeedbackRecorded feedback -> once(feedback, topic, () -> feedback(feedback));
            case ContentRecommended recommended ->
                once(
                        recommended,
                        topic,
                        () -> toClient(
                                recommended.clientId(),
                                NotificationKind.CONTENT_RECOMMENDED,
                                "content-recommended:" + recommended.recommendationId(),
                                List.of(recommended.title())));
            case ContentAssigned assigned ->
                once(
                        assigned,
                        topic,
                        () -> toClient(
                                assigned.clientId(),
                                NotificationKind.CONTENT_ASSIGNED,
                                "content-assigned:" + assigned.assignmentId(),
                                List.of(assigned.title())));
            case SessionScheduled scheduled -> once(scheduled, topic, () -> sessions.apply(scheduled, clock.instant()));
            default -> {}
        }
    }

    private void once(AttuneEvent event, String topic, Supplier<Mono<?>> apply) {
        if (Boolean.TRUE.equals(applied.seen(event.eventId()).block())) {
            return;
        }
        apply.get().block();
        applied.firstTime(event.eventId(), topic).block();
        log.info("Applied {} {}", event.getClass().getSimpleName(), event.eventId());
    }

    private Mono<?> safetyFlag(SafetyFlagRaised flag) {
        var now = clock.instant();
        var client = flag.clientId().toString();
        var resources = Notification.due(
                Notification.idFor("crisis-resources:" + flag.flagId()),
                client,
                client,
                NotificationKind.CRISIS_RESOURCES,
                List.of(),
                null,
                now,
                now);
        var alerts = consent.therapistsAllowed(flag.clientId(), DataClass.SAFETY_ALERTS)
                .concatMap(therapist -> notifications.schedule(Notification.due(
                        Notification.idFor("safety-alert:" + flag.flagId() + ":" + therapist),
                        therapist.toString(),
                        client,
                        NotificationKind.SAFETY_ALERT,
                        List.of(),
                        null,
                        now,
                        now)));
        return notifications.schedule(resources).thenMany(alerts).then();
    }

    /**
     * Consent changes are told only while they are news: a new deployment replaying the compacted consent topic from
     * the start must not send years-old notices.
     */
    private boolean recent(AttuneEvent e) {
        return e.occurredAt().isAfter(clock.instant().minus(java.time.Duration.ofDays(7)));
    }

    private Mono<?> granted(ConsentGranted e) {
        return consent.apply(e)
                .flatMap(newer -> newer && recent(e)
                        ? toClient(
                                        e.clientId(),
                                        NotificationKind.CONSENT_GRANTED_CLIENT,
                                        "consent-granted-client:" + e.eventId(),
                                        List.of())
                                .then(toTherapist(
                                        e.therapistId(),
                                        e.clientId(),
                                        NotificationKind.CONSENT_GRANTED_THERAPIST,
                                        "consent-granted-therapist:" + e.eventId()))
                        : Mono.empty());
    }

    private Mono<?> revoked(ConsentRevoked e) {
        return consent.apply(e).flatMap(newer -> {
            if (!newer || !recent(e)) {
                return Mono.empty();
            }
            Mono<?> toClient = e.reason() == ConsentEndReason.ACCOUNT_ERASED
                    ? Mono.empty()
                    : toClient(
                            e.clientId(),
                            NotificationKind.CONSENT_ENDED_CLIENT,
                            "consent-ended-client:" + e.eventId(),
                            List.of());
            return toClient.then(toTherapist(
                    e.therapistId(),
                    e.clientId(),
                    NotificationKind.CONSENT_ENDED_THERAPIST,
                    "consent-ended-therapist:" + e.eventId()));
        });
    }

    private Mono<?> checkIn(CheckInRecorded e) {
        var client = e.clientId().toString();
        var date = e.localDate().toString();
        var placeholder = Notification.due(
                ReminderPlanner.dailyId(client, date),
                client,
                client,
                NotificationKind.DAILY_CHECKIN,
                List.of(),
                date,
                clock.instant(),
                clock.instant());
        // A first check-in also turns on the gentle default reminder for the days after.
        return preferences
                .getOrCreate(client, Role.CLIENT)
                .then(notifications.cancelOrPreempt(placeholder, clock.instant()));
    }

    private Mono<?> feedback(SessionFeedbackRecorded e) {
        if (!e.ruptureSignal() || !e.sharedWithTherapist()) {
            return Mono.empty();
        }
        Instant now = clock.instant();
        Flux<Boolean> alerts = consent.therapistsAllowed(e.clientId(), DataClass.SESSION_FEEDBACK)
                .concatMap(therapist -> notifications.schedule(Notification.due(
                        Notification.idFor("rupture-signal:" + e.feedbackId() + ":" + therapist),
                        therapist.toString(),
                        e.clientId().toString(),
                        NotificationKind.RUPTURE_SIGNAL,
                        List.of(),
                        null,
                        now,
                        now)));
        return alerts.then();
    }

    private Mono<Boolean> toClient(UUID clientId, NotificationKind kind, String naturalKey, List<String> args) {
        var now = clock.instant();
        var client = clientId.toString();
        return notifications.schedule(
                Notification.due(Notification.idFor(naturalKey), client, client, kind, args, null, now, now));
    }

    private Mono<Boolean> toTherapist(UUID therapistId, UUID clientId, NotificationKind kind, String naturalKey) {
        var now = clock.instant();
        return notifications.schedule(Notification.due(
                Notification.idFor(naturalKey),
                therapistId.toString(),
                clientId.toString(),
                kind,
                List.of(),
                null,
                now,
                now));
    }
}
