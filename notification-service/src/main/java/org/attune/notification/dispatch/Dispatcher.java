package org.attune.notification.dispatch;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.attune.events.AttuneEvent;
import org.attune.events.Channel;
import org.attune.events.NotificationDelivered;
import org.attune.events.Role;
import org.attune.kit.consent.TherapistAccess;
import org.attune.kit.outbox.OutboxRelay;
import org.attune.notification.alerting.AlertSettingsStore;
import org.attune.notification.config.SchedulerProperties;
import org.attune.notification.preferences.Preferences;
import org.attune.notification.preferences.PreferencesStore;
import org.attune.notification.store.DueNotifications;
import org.attune.notification.store.DueNotifications.Settlement;
import org.attune.notification.store.Notification;
import org.attune.notification.store.NotificationKind;
import org.attune.notification.store.NotificationStore;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Claims due notifications and decides each one: expired, muted, deferred past quiet hours, or delivered in the app
 * (with its email copy queued and its {@code NotificationDelivered} event stored in the same update). Reminders are
 * let go while the person has paused them. Urgent (safety) notifications skip the mute, pause and quiet-hours checks
 * and never expire.
 */
@Component
public class Dispatcher {

    private final DueNotifications due;
    private final PreferencesStore preferences;
    private final AlertSettingsStore alertSettings;
    private final TherapistAccess access;
    private final OutboxRelay relay;
    private final Clock clock;
    private final SchedulerProperties properties;
    private final Counter delivered;
    private final Counter expired;

    Dispatcher(
            DueNotifications due,
            PreferencesStore preferences,
            AlertSettingsStore alertSettings,
            TherapistAccess access,
            OutboxRelay relay,
            Clock clock,
            SchedulerProperties properties,
            MeterRegistry registry) {
        this.due = due;
        this.preferences = preferences;
        this.alertSettings = alertSettings;
        this.access = access;
        this.relay = relay;
        this.clock = clock;
        this.properties = properties;
        this.delivered = Counter.builder("attune.notifications.delivered")
                .description("Notifications delivered to an inbox")
                .register(registry);
        this.expired = Counter.builder("attune.notifications.expired")
                .description("Reminders dropped because they could only arrive too late to help")
                .register(registry);
    }

    /**
     * Claims these candidates (see {@link DueNotifications#candidates}) in one write, decides each one it won and
     * settles them all in one bulk write (issue 14, P4: three store round trips per batch, plus one for the recipients'
     * preferences, instead of several per notification); emits how many it claimed.
     */
    public int dispatch(String owner, List<String> candidates) {
        return dispatch(owner, candidates, clock.instant());
    }

    int dispatch(String owner, List<String> candidates, Instant now) {
        var claimed = due.claimAll(candidates, now, owner, properties.lease())
                .collectList()
                .block();
        if (claimed == null || claimed.isEmpty()) {
            return 0;
        }
        var settled = preferences
                .findAll(claimed.stream()
                        .map(Notification::recipientId)
                        .distinct()
                        .toList())
                .flatMap(stored -> Flux.fromIterable(claimed)
                        .concatMap(n -> decide(n, stored, owner, now))
                        .collectList())
                .flatMap(settlements -> due.settleAll(owner, settlements))
                .block();
        for (var s : settled == null ? List.<Settlement>of() : settled) {
            switch (s.outcome()) {
                case DELIVERED -> {
                    delivered.increment();
                    relay.publishSoon(NotificationStore.COLLECTION, s.id(), s.events());
                }
                case EXPIRED -> expired.increment();
                default -> {}
            }
        }
        return claimed.size();
    }

    private Mono<Settlement> decide(Notification n, Map<String, Preferences> stored, String owner, Instant now) {
        if (!n.urgent() && n.expiresAt() != null && now.isAfter(n.expiresAt())) {
            return Mono.just(DueNotifications.expired(n.id(), now));
        }
        var needs = n.kind().sharedAs();
        var role = needs.isPresent() ? Role.THERAPIST : Role.CLIENT;
        var found = stored.get(n.recipientId());
        var p = found != null ? found : Preferences.defaults(n.recipientId(), role, now);
        if (needs.isPresent()) {
            // Consent may have ended since this was stored: a therapist gets nothing more after a revoke.
            return access.allows(UUID.fromString(n.recipientId()), UUID.fromString(n.clientId()), needs.get())
                    .flatMap(allowed ->
                            allowed ? decide(n, p, owner, now) : Mono.just(DueNotifications.cancelled(n.id(), now)));
        }
        return decide(n, p, owner, now);
    }

    private Mono<Settlement> decide(Notification n, Preferences p, String owner, Instant now) {
        if (!n.urgent()) {
            if (p.muted(n.kind().wireName())) {
                return Mono.just(DueNotifications.cancelled(n.id(), now));
            }
            // A paused reminder is let go, not saved up: nothing piles up for the day the pause ends.
            if (n.kind().reminder() && p.paused(now)) {
                return Mono.just(DueNotifications.cancelled(n.id(), now));
            }
            var quietUntil = p.quietHours().endIfQuiet(now, p.zone());
            if (quietUntil.isPresent()) {
                return Mono.just(DueNotifications.deferred(n.id(), quietUntil.get()));
            }
        }
        var event = new NotificationDelivered(
                UUID.randomUUID(),
                now,
                AttuneEvent.CURRENT_SCHEMA_VERSION,
                UUID.fromString(n.clientId()),
                UUID.fromString(n.id()),
                UUID.fromString(n.recipientId()),
                n.kind().wireName(),
                Channel.IN_APP);
        return emailTo(n, p)
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .map(emailTo -> DueNotifications.delivered(
                        n.id(),
                        owner,
                        now,
                        event,
                        emailTo.orElse(null),
                        n.kind().deliveredState()));
    }

    /**
     * The email copy's addresses, if any: the recipient's own when they chose the EMAIL channel; for an escalation
     * also the therapist's escalation address, so it reaches someone even when their own email is off.
     */
    private Mono<String> emailTo(Notification n, Preferences p) {
        if (n.kind() == NotificationKind.SAFETY_ALERT_ESCALATED) {
            return alertSettings.get(n.recipientId()).mapNotNull(s -> s.escalationRecipients(p.email()));
        }
        return Mono.justOrEmpty(p.emailEnabled() ? p.email() : null);
    }
}
