package org.attune.kit.consent;

import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.attune.events.AttuneEvent;
import org.attune.events.ConsentGranted;
import org.attune.events.ConsentRevoked;
import org.attune.events.Topics;
import org.attune.kit.messaging.AppliedEvents;
import org.springframework.kafka.annotation.KafkaListener;
import reactor.core.publisher.Mono;

/** Keeps the consent projection up to date; a redelivered event changes nothing (newer wins by occurredAt). */
class ConsentEventsListener {

    private final ConsentProjection projection;
    private final AppliedEvents appliedEvents;

    ConsentEventsListener(ConsentProjection projection, AppliedEvents appliedEvents) {
        this.projection = projection;
        this.appliedEvents = appliedEvents;
    }

    @KafkaListener(topics = Topics.CONSENT, groupId = "${spring.application.name}.consent")
    void on(ConsumerRecord<String, AttuneEvent> record) {
        var event = record.value();
        if (event == null) {
            return; // a compaction tombstone: the pair's data went with AccountErased
        }
        if (projection.fromTheFuture(event.occurredAt())) {
            throw new IllegalArgumentException("A consent event dated beyond the allowed clock skew");
        }
        Mono<Void> apply = switch (event) {
            case ConsentGranted granted -> projection.apply(granted);
            case ConsentRevoked revoked -> projection.apply(revoked);
            default -> null;
        };
        if (apply != null) {
            // The projection needs no look-up first: a redelivered event is stale by its own occurredAt (newer wins,
            // the same event again changes nothing) and an erased account is checked on every apply. So the change
            // is written first, one store round trip sooner (a revocation is refused that much earlier), and the
            // mark follows, as for every consumed event.
            apply.then(appliedEvents.firstTime(event.eventId(), Topics.CONSENT)).block(Duration.ofSeconds(30));
        }
    }
}
