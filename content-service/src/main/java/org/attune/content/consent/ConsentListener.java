package org.attune.content.consent;

import java.time.Duration;
import org.attune.content.messaging.AppliedEvents;
import org.attune.events.AttuneEvent;
import org.attune.events.ConsentGranted;
import org.attune.events.ConsentRevoked;
import org.attune.events.Topics;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.messaging.handler.annotation.Payload;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Keeps the consent projection: one document per client–therapist pair, changed only by an event newer than the
 * last one applied, so a late or replayed event cannot bring back an older state.
 */
@Component
class ConsentListener {

    private final ReactiveMongoTemplate mongo;
    private final AppliedEvents appliedEvents;

    ConsentListener(ReactiveMongoTemplate mongo, AppliedEvents appliedEvents) {
        this.mongo = mongo;
        this.appliedEvents = appliedEvents;
    }

    @KafkaListener(topics = Topics.CONSENT, groupId = "${spring.application.name}.consent")
    void on(@Payload(required = false) AttuneEvent event) {
        if (event == null) {
            return; // a compaction tombstone: the pair's revocation came before it, its data goes with AccountErased
        }
        Mono<?> work = switch (event) {
            case ConsentGranted granted ->
                apply(new ConsentGrant(
                        ConsentGrant.idOf(granted.clientId(), granted.therapistId()),
                        granted.clientId().toString(),
                        granted.therapistId().toString(),
                        granted.consentId().toString(),
                        granted.dataClasses(),
                        granted.startsAt(),
                        granted.endsAt(),
                        ConsentGrant.Status.ACTIVE,
                        granted.occurredAt()));
            case ConsentRevoked revoked ->
                mongo.findById(ConsentGrant.idOf(revoked.clientId(), revoked.therapistId()), ConsentGrant.class)
                        .map(existing -> new ConsentGrant(
                                existing.id(),
                                existing.clientId(),
                                existing.therapistId(),
                                revoked.consentId().toString(),
                                existing.dataClasses(),
                                existing.startsAt(),
                                existing.endsAt(),
                                ConsentGrant.Status.INACTIVE,
                                revoked.occurredAt()))
                        .defaultIfEmpty(new ConsentGrant(
                                ConsentGrant.idOf(revoked.clientId(), revoked.therapistId()),
                                revoked.clientId().toString(),
                                revoked.therapistId().toString(),
                                revoked.consentId().toString(),
                                java.util.Set.of(),
                                revoked.occurredAt(),
                                revoked.occurredAt(),
                                ConsentGrant.Status.INACTIVE,
                                revoked.occurredAt()))
                        .flatMap(this::apply);
            default -> Mono.empty();
        };
        appliedEvents.applyOnce(event.eventId(), Topics.CONSENT, work).block(Duration.ofSeconds(30));
    }

    private Mono<?> apply(ConsentGrant next) {
        return mongo.findById(next.id(), ConsentGrant.class)
                .map(existing -> next.lastEventAt().isAfter(existing.lastEventAt()))
                .defaultIfEmpty(true)
                .flatMap(newer -> newer ? mongo.save(next) : Mono.empty());
    }
}
