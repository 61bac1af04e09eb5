package org.attune.checkin.messaging;

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

    /**
     * Applies an event unless it was applied before, and then remembers it. The apply step must be idempotent: if the
     * service stops between applying and remembering, the redelivery applies it again.
     */
    public Mono<Boolean> applyOnce(UUID eventId, String topic, Mono<Void> apply) {
        return mongo.exists(
                        org.springframework.data.mongodb.core.query.Query.query(
                                org.springframework.data.mongodb.core.query.Criteria.where("_id")
                                        .is(eventId.toString())),
                        AppliedEvent.class)
                .flatMap(seen -> seen ? Mono.just(false) : apply.then(firstTime(eventId, topic)));
    }

    @Document("applied_events")
    record AppliedEvent(@Id String id, String topic, Instant appliedAt) {}
}
