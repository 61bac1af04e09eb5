package org.attune.checkin.consent;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.attune.checkin.messaging.AppliedEvents;
import org.attune.events.AttuneEvent;
import org.attune.events.ConsentGranted;
import org.attune.events.ConsentRevoked;
import org.attune.events.Topics;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Keeps the consent projection up to date; each event is applied once, redeliveries are skipped. */
@Component
class ConsentEventsListener {

    private final ConsentProjection projection;
    private final AppliedEvents appliedEvents;

    ConsentEventsListener(ConsentProjection projection, AppliedEvents appliedEvents) {
        this.projection = projection;
        this.appliedEvents = appliedEvents;
    }

    @KafkaListener(topics = Topics.CONSENT)
    void on(ConsumerRecord<String, AttuneEvent> record) {
        var event = record.value();
        if (event == null) {
            return; // a compaction tombstone: the pair's data goes with AccountErased
        }
        Mono<Void> apply = switch (event) {
            case ConsentGranted granted -> projection.apply(granted);
            case ConsentRevoked revoked -> projection.apply(revoked);
            default -> null;
        };
        if (apply != null) {
            appliedEvents.applyOnce(event.eventId(), Topics.CONSENT, apply).block();
        }
    }
}
