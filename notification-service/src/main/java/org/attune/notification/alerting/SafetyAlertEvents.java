package org.attune.notification.alerting;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.attune.events.AttuneEvent;
import org.attune.events.DataClass;
import org.attune.events.SafetyFlagAcknowledged;
import org.attune.events.SafetyFlagRaised;
import org.attune.events.Topics;
import org.attune.kit.consent.ConsentGrant;
import org.attune.kit.consent.ConsentProjection;
import org.attune.kit.erasure.ConsumedEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Starts the acknowledgement clock of each safety alert and stops it when the flag is acknowledged. It reads the
 * safety topic in a consumer group of its own, beside the one that sends the alerts, so sending an alert never waits
 * for (or fails with) its escalation bookkeeping; both are keyed by the flag and the therapist. A flag's raise and its
 * acknowledgement share the client's partition, so they are applied in the order checkin-service published them.
 */
@Component
class SafetyAlertEvents {

    private static final Logger log = LoggerFactory.getLogger(SafetyAlertEvents.class);

    private final ConsumedEvents consumed;
    private final ConsentProjection consent;
    private final SafetyAlerts alerts;
    private final AlertSettingsStore settings;
    private final Clock clock;

    SafetyAlertEvents(
            ConsumedEvents consumed,
            ConsentProjection consent,
            SafetyAlerts alerts,
            AlertSettingsStore settings,
            Clock clock) {
        this.consumed = consumed;
        this.consent = consent;
        this.alerts = alerts;
        this.settings = settings;
        this.clock = clock;
    }

    @KafkaListener(topics = Topics.SAFETY, groupId = "${spring.application.name}.escalation")
    void on(AttuneEvent event) {
        Mono<?> apply;
        switch (event) {
            case SafetyFlagRaised raised -> apply = Mono.defer(() -> raised(raised));
            // Applied even when the acknowledging therapist has since erased their account: the flag was seen.
            case SafetyFlagAcknowledged acknowledged ->
                apply = Mono.defer(() -> alerts.acknowledge(
                        acknowledged.flagId().toString(),
                        acknowledged.clientId().toString(),
                        acknowledged.therapistId().toString(),
                        acknowledged.occurredAt()));
            case null, default -> {
                return;
            }
        }
        // The alert-sending listener applies the same events under their own ids; this reaction keeps its own mark.
        var mark = UUID.nameUUIDFromBytes(("escalation:" + event.eventId()).getBytes(StandardCharsets.UTF_8));
        if (Boolean.TRUE.equals(consumed.applyOnce(mark, event.clientId(), null, Topics.SAFETY, apply)
                .block(Duration.ofSeconds(30)))) {
            log.info("Escalation applied {} {}", event.getClass().getSimpleName(), event.eventId());
        }
    }

    /** One acknowledgement clock per therapist who is sent this alert: those sharing SAFETY_ALERTS now. */
    private Mono<Void> raised(SafetyFlagRaised flag) {
        var now = clock.instant();
        return consent.activeFor(flag.clientId(), DataClass.SAFETY_ALERTS)
                .map(ConsentGrant::therapistId)
                .concatMap(therapist -> settings.get(therapist.toString())
                        .flatMap(chosen -> alerts.track(
                                flag.flagId().toString(),
                                flag.clientId().toString(),
                                therapist.toString(),
                                now,
                                chosen.window())))
                .then();
    }
}
