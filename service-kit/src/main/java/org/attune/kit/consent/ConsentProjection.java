package org.attune.kit.consent;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.attune.events.ConsentGranted;
import org.attune.events.ConsentRevoked;
import org.attune.events.DataClass;
import org.attune.events.Role;
import org.attune.kit.erasure.AccountDataEraser;
import org.attune.kit.erasure.ErasedAccounts;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Update;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Which data classes each therapist may read, built from consent events. One document per client–therapist pair; an
 * event changes it only when it is newer than the last one applied (by {@code occurredAt}), so out-of-order delivery
 * is safe. Expiry is judged at read time, so an ended grant stops working before its revocation event arrives.
 */
public class ConsentProjection implements AccountDataEraser {

    private final ReactiveMongoTemplate mongo;
    private final Clock clock;
    private final ErasedAccounts erasedAccounts;
    private final ConsentProperties properties;

    ConsentProjection(
            ReactiveMongoTemplate mongo, Clock clock, ErasedAccounts erasedAccounts, ConsentProperties properties) {
        this.mongo = mongo;
        this.clock = clock;
        this.erasedAccounts = erasedAccounts;
        this.properties = properties;
    }

    Mono<Void> apply(ConsentGranted granted) {
        var update = new Update()
                .set("clientId", granted.clientId())
                .set("therapistId", granted.therapistId())
                .set("consentId", granted.consentId())
                .set(
                        "dataClasses",
                        granted.dataClasses().stream().map(Enum::name).sorted().toList())
                .set("startsAt", granted.startsAt())
                .set("endsAt", granted.endsAt())
                .set("status", ConsentGrant.Status.ACTIVE.name())
                .set("lastEventAt", granted.occurredAt());
        return upsertIfNewer(granted.clientId(), granted.therapistId(), granted.occurredAt(), update);
    }

    Mono<Void> apply(ConsentRevoked revoked) {
        // A revocation that arrives before its grant still leaves a record, so the older grant cannot win later.
        var update = new Update()
                .set("clientId", revoked.clientId())
                .set("therapistId", revoked.therapistId())
                .set("consentId", revoked.consentId())
                .setOnInsert("dataClasses", List.of())
                .setOnInsert("startsAt", revoked.occurredAt())
                .set("status", ConsentGrant.Status.INACTIVE.name())
                .set("lastEventAt", revoked.occurredAt());
        return upsertIfNewer(revoked.clientId(), revoked.therapistId(), revoked.occurredAt(), update);
    }

    /** True when the event claims a time too far ahead of this service's clock to be believed. */
    boolean fromTheFuture(Instant occurredAt) {
        return occurredAt.isAfter(clock.instant().plus(properties.maxFutureSkew()));
    }

    private Mono<Void> upsertIfNewer(UUID clientId, UUID therapistId, Instant occurredAt, Update update) {
        // A consent event about an erased client or therapist (arriving late, on another topic than the erasure)
        // must not bring a grant back. Checked again after the write, for an erasure that ran in between.
        return erasedAccounts
                .anyErased(clientId, therapistId)
                .flatMap(erased -> erased
                        ? Mono.<Void>empty()
                        : write(clientId, therapistId, occurredAt, update)
                                .then(erasedAccounts.anyErased(clientId, therapistId))
                                .flatMap(erasedMeanwhile -> erasedMeanwhile
                                        ? mongo.remove(
                                                        query(where("_id").is(ConsentGrant.key(clientId, therapistId))),
                                                        ConsentGrant.COLLECTION)
                                                .then()
                                        : Mono.<Void>empty()));
    }

    private Mono<Void> write(UUID clientId, UUID therapistId, Instant occurredAt, Update update) {
        var id = ConsentGrant.key(clientId, therapistId);
        // Matches the pair only when its last event is older; if the pair exists with a newer event, the upsert
        // tries to insert the same _id and fails, which means "stale, skip".
        var stale = query(new Criteria()
                .andOperator(
                        where("_id").is(id),
                        new Criteria()
                                .orOperator(
                                        where("lastEventAt").lt(occurredAt),
                                        where("lastEventAt").exists(false))));
        return mongo.upsert(stale, update, ConsentGrant.COLLECTION)
                .then()
                .onErrorResume(DuplicateKeyException.class, newerAlreadyApplied -> Mono.empty());
    }

    /** The data classes the therapist may read of this client right now; empty without an active grant. */
    public Mono<Set<DataClass>> activeClasses(UUID therapistId, UUID clientId) {
        var now = clock.instant();
        return mongo.findById(ConsentGrant.key(clientId, therapistId), ConsentGrant.class)
                .filter(grant -> grant.activeAt(now))
                .map(grant -> grant.dataClasses().isEmpty()
                        ? (Set<DataClass>) EnumSet.noneOf(DataClass.class)
                        : EnumSet.copyOf(grant.dataClasses()))
                .defaultIfEmpty(EnumSet.noneOf(DataClass.class));
    }

    /** Active grants of a therapist that cover a data class now (e.g. whom to alert). */
    public Flux<ConsentGrant> activeFor(UUID clientId, DataClass dataClass) {
        var now = clock.instant();
        return mongo.find(query(where("clientId").is(clientId)), ConsentGrant.class)
                .filter(grant -> grant.covers(dataClass, now));
    }

    /** Grants where the account is the client or the therapist, for export. */
    public Flux<ConsentGrant> involving(UUID accountId) {
        return mongo.find(
                query(new Criteria()
                        .orOperator(
                                where("clientId").is(accountId),
                                where("therapistId").is(accountId))),
                ConsentGrant.class);
    }

    @Override
    public Mono<Void> erase(UUID accountId, Role role) {
        return mongo.remove(
                        query(new Criteria()
                                .orOperator(
                                        where("clientId").is(accountId),
                                        where("therapistId").is(accountId))),
                        ConsentGrant.COLLECTION)
                .then();
    }
}
