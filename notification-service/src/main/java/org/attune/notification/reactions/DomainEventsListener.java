package org.attune.notification.reactions;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
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
import org.attune.events.SessionFeedbackShared;
import org.attune.events.SessionScheduled;
import org.attune.events.Topics;
import org.attune.kit.consent.ConsentGrant;
import org.attune.kit.consent.ConsentProjection;
import org.attune.kit.erasure.ConsumedEvents;
import org.attune.notification.dispatch.SchedulerLoop;
import org.attune.notification.preferences.PreferencesStore;
import org.attune.notification.preferences.ReminderPlanner;
import org.attune.notification.sessions.SessionPlanner;
import org.attune.notification.store.Notification;
import org.attune.notification.store.NotificationKind;
import org.attune.notification.store.NotificationStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Turns other services' events into notifications. Each event is applied idempotently (notification ids derive from
 * the event's own ids) and then remembered, so a redelivery changes nothing; an event about an erased account
 * creates nothing (the kit's {@link ConsumedEvents}). Safety flags about a live account are never skipped.
 */
@Component
class DomainEventsListener {

    private static final Logger log = LoggerFactory.getLogger(DomainEventsListener.class);

    private final ConsumedEvents consumed;
    private final NotificationStore notifications;
    private final ConsentProjection consent;
    private final PreferencesStore preferences;
    private final SessionPlanner sessions;
    private final SchedulerLoop scheduler;
    private final Clock clock;

    DomainEventsListener(
            ConsumedEvents consumed,
            NotificationStore notifications,
            ConsentProjection consent,
            PreferencesStore preferences,
            SessionPlanner sessions,
            SchedulerLoop scheduler,
            Clock clock) {
        this.consumed = consumed;
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
            once(flag, Topics.SAFETY, Mono.defer(() -> safetyFlag(flag)));
            scheduler.wake();
        }
    }

    /**
     * The notices about consent; the kit's projection applies the same events (in its own consumer group), so these
     * are remembered under an id of their own, and skipped when the client or the therapist is erased.
     */
    @KafkaListener(topics = Topics.CONSENT)
    void onConsent(ConsumerRecord<String, AttuneEvent> record) {
        Mono<?> notices;
        UUID therapist;
        switch (record.value()) {
            case ConsentGranted granted -> {
                notices = Mono.defer(() -> granted(granted));
                therapist = granted.therapistId();
            }
            case ConsentRevoked revoked -> {
                notices = Mono.defer(() -> revoked(revoked));
                therapist = revoked.therapistId();
            }
            case null, default -> {
                return; // a compaction tombstone, or not a consent change
            }
        }
        var event = record.value();
        var noticesId = UUID.nameUUIDFromBytes(("consent-notices:" + event.eventId()).getBytes(StandardCharsets.UTF_8));
        applyAndLog(event, consumed.applyOnce(noticesId, event.clientId(), therapist, Topics.CONSENT, notices));
    }

    @KafkaListener(topics = {Topics.CHECKINS, Topics.SESSION_FEEDBACK, Topics.CONTENT, Topics.SESSIONS})
    void onClientActivity(AttuneEvent event) {
        String topic = Topics.topicOf(event);
        switch (event) {
            case CheckInRecorded checkIn -> once(checkIn, topic, Mono.defer(() -> checkIn(checkIn)));
            case SessionFeedbackRecorded feedback -> once(feedback, topic, Mono.defer(() -> feedback(feedback)));
            case SessionFeedbackShared shared -> once(shared, topic, Mono.defer(() -> feedbackShared(shared)));
            case ContentRecommended recommended ->
                once(
                        recommended,
                        topic,
                        Mono.defer(() -> toClient(
                                recommended.clientId(),
                                NotificationKind.CONTENT_RECOMMENDED,
                                "content-recommended:" + recommended.recommendationId(),
                                List.of(recommended.title()))));
            case ContentAssigned assigned ->
                once(
                        assigned,
                        topic,
                        Mono.defer(() -> toClient(
                                assigned.clientId(),
                                NotificationKind.CONTENT_ASSIGNED,
                                "content-assigned:" + assigned.assignmentId(),
                                List.of(assigned.title()))));
            case SessionScheduled scheduled ->
                once(scheduled, topic, Mono.defer(() -> sessions.apply(scheduled, clock.instant())));
            default -> {}
        }
    }

    private void once(AttuneEvent event, String topic, Mono<?> apply) {
        applyAndLog(event, consumed.applyOnce(event, topic, apply));
    }

    private static void applyAndLog(AttuneEvent event, Mono<Boolean> applying) {
        if (Boolean.TRUE.equals(applying.block(Duration.ofSeconds(30)))) {
            log.info("Applied {} {}", event.getClass().getSimpleName(), event.eventId());
        }
    }

    /**
     * Every flag is its own crisis-resources message and its own alert to each therapist with SAFETY_ALERTS (ids per
     * flag, never per client or time): a second "I need help now" is never folded into the first.
     */
    private Mono<?> safetyFlag(SafetyFlagRaised flag) {
        var now = clock.instant();
        var client = flag.clientId().toString();
        var about = aboutTheFlag(flag);
        var resources = Notification.due(
                Notification.idFor("crisis-resources:" + flag.flagId()),
                client,
                client,
                NotificationKind.CRISIS_RESOURCES,
                about,
                null,
                now,
                now);
        var alerts = consent.activeFor(flag.clientId(), DataClass.SAFETY_ALERTS)
                .map(ConsentGrant::therapistId)
                .concatMap(therapist -> notifications.schedule(Notification.due(
                        Notification.idFor("safety-alert:" + flag.flagId() + ":" + therapist),
                        therapist.toString(),
                        client,
                        NotificationKind.SAFETY_ALERT,
                        about,
                        null,
                        now,
                        now)));
        return notifications.schedule(resources).thenMany(alerts).then();
    }

    /**
     * What the texts say the flag is about: its reason and, for a questionnaire, the instrument (its source is
     * {@code questionnaire:<code>:<responseId>}); never the answers.
     */
    static List<String> aboutTheFlag(SafetyFlagRaised flag) {
        var source = flag.source();
        String instrument = "";
        if (source.startsWith("questionnaire:")) {
            var parts = source.split(":", 3);
            instrument = parts.length > 1 ? parts[1] : "";
        }
        return List.of(flag.reason().name(), instrument.isBlank() ? "a questionnaire" : instrument);
    }

    /**
     * Consent changes are told only while they are news: a new deployment replaying the compacted consent topic from
     * the start must not send years-old notices.
     */
    private boolean recent(AttuneEvent e) {
        return e.occurredAt().isAfter(clock.instant().minus(java.time.Duration.ofDays(7)));
    }

    /**
     * False when the projection already holds a newer event of the pair (this one arrived late). The projection may
     * not have applied this event yet; it runs in its own consumer group.
     */
    private Mono<Boolean> notOutdated(AttuneEvent e, UUID therapistId) {
        return consent.involving(e.clientId())
                .filter(grant -> therapistId.equals(grant.therapistId()))
                .next()
                .map(grant ->
                        grant.lastEventAt() == null || !grant.lastEventAt().isAfter(e.occurredAt()))
                .defaultIfEmpty(true);
    }

    private Mono<?> granted(ConsentGranted e) {
        return notOutdated(e, e.therapistId())
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
        return notOutdated(e, e.therapistId()).flatMap(newer -> {
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

    /**
     * A rupture signal prompts every therapist who holds SESSION_FEEDBACK: the ratings are theirs to see whether or
     * not the client shared their words. The words join the same prompt when they are shared
     * ({@link #feedbackShared}).
     */
    private Mono<?> feedback(SessionFeedbackRecorded e) {
        if (!e.ruptureSignal()) {
            return Mono.empty();
        }
        Instant now = clock.instant();
        Flux<Boolean> alerts = consent.activeFor(e.clientId(), DataClass.SESSION_FEEDBACK)
                .map(ConsentGrant::therapistId)
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

    /**
     * The client shared their words about a session: the repair prompt each therapist with SESSION_FEEDBACK already
     * has for that check now carries them (the same notification, once). A check without a prompt (no rupture signal,
     * or no grant when it was recorded) gets none.
     */
    private Mono<?> feedbackShared(SessionFeedbackShared e) {
        return consent.activeFor(e.clientId(), DataClass.SESSION_FEEDBACK)
                .map(ConsentGrant::therapistId)
                .concatMap(therapist -> notifications.addClientWords(
                        Notification.idFor("rupture-signal:" + e.feedbackId() + ":" + therapist),
                        therapist.toString(),
                        e.comment()))
                .then();
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
