package org.attune.notification.consent;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.util.UUID;
import org.attune.events.ConsentGranted;
import org.attune.events.ConsentRevoked;
import org.attune.events.DataClass;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * This service's projection of consent: one document per client–therapist pair, changed only by an event newer than
 * the last one applied (the topic is compacted and may be replayed out of order).
 */
@Component
public class ConsentGrants {

    static final String COLLECTION = "consent_grants";

    private final ReactiveMongoTemplate mongo;
    private final Clock clock;

    ConsentGrants(ReactiveMongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    static String pairId(UUID clientId, UUID therapistId) {
        return clientId + ":" + therapistId;
    }

    /** Emits true when the grant was newer than what was known and is now stored. */
    public Mono<Boolean> apply(ConsentGranted e) {
        var update = new Update()
                .set("clientId", e.clientId().toString())
                .set("therapistId", e.therapistId().toString())
                .set("consentId", e.consentId().toString())
                .set("dataClasses", e.dataClasses())
                .set("startsAt", e.startsAt())
                .set("endsAt", e.endsAt())
                .set("status", ConsentGrant.ACTIVE)
                .set("lastEventAt", e.occurredAt());
        return upsertIfNewer(pairId(e.clientId(), e.therapistId()), e.occurredAt(), update);
    }

    /** Emits true when the revocation was newer than what was known and is now stored. */
    public Mono<Boolean> apply(ConsentRevoked e) {
        var update = new Update()
                .set("clientId", e.clientId().toString())
                .set("therapistId", e.therapistId().toString())
                .set("consentId", e.consentId().toString())
                .set("status", ConsentGrant.INACTIVE)
                .set("lastEventAt", e.occurredAt());
        return upsertIfNewer(pairId(e.clientId(), e.therapistId()), e.occurredAt(), update);
    }

    private Mono<Boolean> upsertIfNewer(String id, java.time.Instant occurredAt, Update update) {
        // One conditional upsert: an older event matches nothing and its insert collides with the existing _id.
        var query = Query.query(where("_id").is(id).and("lastEventAt").lt(occurredAt));
        return mongo.upsert(query, update, ConsentGrant.class, COLLECTION)
                .map(r -> r.getModifiedCount() > 0 || r.getUpsertedId() != null)
                .onErrorResume(DuplicateKeyException.class, older -> Mono.just(false));
    }

    /** Whether the therapist may currently receive this class of the client's data. */
    public Mono<Boolean> allows(UUID clientId, UUID therapistId, DataClass dataClass) {
        return mongo.findById(pairId(clientId, therapistId), ConsentGrant.class, COLLECTION)
                .map(g -> g.allows(dataClass, clock.instant()))
                .defaultIfEmpty(false);
    }

    /** Whether any active grant links the pair, whatever it covers. */
    public Mono<Boolean> linked(UUID clientId, UUID therapistId) {
        return mongo.findById(pairId(clientId, therapistId), ConsentGrant.class, COLLECTION)
                .map(g -> g.isActive(clock.instant()))
                .defaultIfEmpty(false);
    }

    /** Therapists who currently hold an active grant of the client that covers {@code dataClass}. */
    public Flux<UUID> therapistsAllowed(UUID clientId, DataClass dataClass) {
        var now = clock.instant();
        return mongo.find(
                        Query.query(where("clientId")
                                .is(clientId.toString())
                                .and("status")
                                .is(ConsentGrant.ACTIVE)),
                        ConsentGrant.class,
                        COLLECTION)
                .filter(g -> g.allows(dataClass, now))
                .map(g -> UUID.fromString(g.therapistId()));
    }

    /** Grants where the account is the client or the therapist. */
    public Flux<ConsentGrant> involving(String accountId) {
        return mongo.find(Query.query(involvingCriteria(accountId)), ConsentGrant.class, COLLECTION);
    }

    public Mono<Long> erase(String accountId) {
        return mongo.remove(Query.query(involvingCriteria(accountId)), ConsentGrant.class, COLLECTION)
                .map(r -> r.getDeletedCount());
    }

    private static Criteria involvingCriteria(String accountId) {
        return new Criteria()
                .orOperator(
                        where("clientId").is(accountId), where("therapistId").is(accountId));
    }
}
