package org.attune.notification.messaging;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Remembers which events this service has applied, so a redelivered event is skipped. The event id is the document
 * id: the uniqueness check is a single-document insert, which holds on every MongoDB-protocol server.
 */
@Component
public class AppliedEvents {

    private final ReactiveMongoTemplate mongo;
    private final Clock clock;

    AppliedEvents(ReactiveMongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /** Emits true the first time an event id is seen, false for a repeat. */
    public Mono<Boolean> firstTime(UUID eventId, String topic) {
        return mongo.insert(new AppliedEvent(eventId.toString(), topic, clock.instant()))
                .thenReturn(true)
                .onErrorResume(DuplicateKeyException.class, repeat -> Mono.just(false));
    }

    /** Whether the event was applied before; check this first, apply (idempotently), then {@link #firstTime}. */
    public Mono<Boolean> seen(UUID eventId) {
        return mongo.exists(
                org.springframework.data.mongodb.core.query.Query.query(
                        org.springframework.data.mongodb.core.query.Criteria.where("_id")
                                .is(eventId.toString())),
                AppliedEvent.class);
    }

    @Document("applied_events")
    record AppliedEvent(@Id String id, String topic, Instant appliedAt) {}
}
