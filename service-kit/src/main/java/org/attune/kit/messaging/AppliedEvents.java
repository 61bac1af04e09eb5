package org.attune.kit.messaging;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import reactor.core.publisher.Mono;

/**
 * Remembers which events this service has applied, so a redelivered event is skipped. The event id is the document
 * id: the uniqueness check is a single-document insert, which holds on every MongoDB-protocol server. Without
 * transactions the side effect and this mark cannot be one write, so side effects are idempotent (upserts keyed by
 * the event or the fact); where a side effect is one new document, its id derives from the event id.
 *
 * <p>The marks live in the reactive store in the WebFlux services; web-ui (servlet) gives a blocking {@link Store}.
 */
public class AppliedEvents {

    public static final String COLLECTION = "applied_events";

    private final Store store;
    private final Clock clock;

    AppliedEvents(ReactiveMongoTemplate mongo, Clock clock) {
        this(
                new Store() {
                    @Override
                    public Mono<Void> insert(AppliedEvent mark) {
                        return mongo.insert(mark).then();
                    }

                    @Override
                    public Mono<Boolean> exists(String id) {
                        return mongo.exists(query(where("_id").is(id)), AppliedEvent.class);
                    }
                },
                clock);
    }

    private AppliedEvents(Store store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** The same rules over another store of the marks. */
    public static AppliedEvents over(Store store, Clock clock) {
        return new AppliedEvents(store, clock);
    }

    /** Emits true the first time an event id is seen (and marks it), false for a repeat. */
    public Mono<Boolean> firstTime(UUID eventId, String topic) {
        return store.insert(new AppliedEvent(eventId.toString(), topic, clock.instant()))
                .thenReturn(true)
                .onErrorResume(DuplicateKeyException.class, repeat -> Mono.just(false));
    }

    public Mono<Boolean> seen(UUID eventId) {
        return store.exists(eventId.toString());
    }

    /**
     * Applies an event unless it was applied before, then remembers it. If the service stops between applying and
     * remembering, the redelivery applies it again: {@code apply} must be idempotent. Emits true when applied now.
     */
    public Mono<Boolean> applyOnce(UUID eventId, String topic, Mono<?> apply) {
        return seen(eventId).flatMap(seen -> seen ? Mono.just(false) : apply.then(firstTime(eventId, topic)));
    }

    /** Where the marks are kept, in {@link #COLLECTION}. */
    public interface Store {

        /** Stores the mark; fails with {@link DuplicateKeyException} when its id is already there. */
        Mono<Void> insert(AppliedEvent mark);

        Mono<Boolean> exists(String id);
    }

    /** One mark: the event id is the document id. */
    @Document(COLLECTION)
    public record AppliedEvent(@Id String id, String topic, Instant appliedAt) {}
}
