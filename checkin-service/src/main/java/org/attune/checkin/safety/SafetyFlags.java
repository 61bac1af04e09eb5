package org.attune.checkin.safety;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.List;
import java.util.UUID;
import org.attune.events.AttuneEvent;
import org.attune.events.SafetyFlagAcknowledged;
import org.attune.events.SafetyFlagRaised;
import org.attune.kit.erasure.ErasedAccounts;
import org.attune.kit.outbox.Outbox;
import org.attune.kit.outbox.OutboxListener;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The safety-flag documents: one per raised flag, whatever raised it. A flag raised by a questionnaire is stored right
 * after its response; should the process die in between, the relay stores it before it publishes the response's
 * SafetyFlagRaised ({@link #beforePublish}), so an alert never goes out without a flag a therapist can acknowledge.
 */
@Component
public class SafetyFlags implements OutboxListener {

    private final ReactiveMongoTemplate mongo;
    private final ErasedAccounts erasedAccounts;

    SafetyFlags(ReactiveMongoTemplate mongo, ErasedAccounts erasedAccounts) {
        this.mongo = mongo;
        this.erasedAccounts = erasedAccounts;
        mongo.indexOps(SafetyFlag.COLLECTION)
                .createIndex(new Index().on("clientId", Sort.Direction.ASC).on("raisedAt", Sort.Direction.DESC))
                .onErrorResume(e -> Mono.empty())
                .subscribe();
    }

    /** Stores the flag of a SafetyFlagRaised unless it is stored already (never touches an acknowledgement). */
    public Mono<Void> recordRaised(SafetyFlagRaised raised) {
        var update = new Update()
                .setOnInsert("clientId", raised.clientId())
                .setOnInsert("reason", raised.reason().name())
                .setOnInsert("source", raised.source())
                .setOnInsert("raisedAt", raised.occurredAt());
        return mongo.upsert(query(where("_id").is(raised.flagId().toString())), update, SafetyFlag.COLLECTION)
                .then()
                .onErrorResume(org.springframework.dao.DuplicateKeyException.class, alreadyStored -> Mono.empty());
    }

    @Override
    public Mono<Void> beforePublish(AttuneEvent event) {
        if (!(event instanceof SafetyFlagRaised raised)) {
            return Mono.empty();
        }
        // A relay round that read the outbox just before the client's erasure must not store the flag again.
        return erasedAccounts
                .anyErased(raised.clientId())
                .flatMap(erased -> erased ? Mono.<Void>empty() : recordRaised(raised));
    }

    /** All of a client's flags, oldest first (export). */
    public Flux<SafetyFlag> of(UUID clientId) {
        return mongo.find(
                query(where("clientId").is(clientId)).with(Sort.by(Sort.Direction.ASC, "raisedAt")), SafetyFlag.class);
    }

    /** A client's flags, newest first: all, only open ones ({@code open} true) or only acknowledged ones (false). */
    public Flux<SafetyFlag> list(UUID clientId, Boolean open) {
        return mongo.find(filter(clientId, open).with(Sort.by(Sort.Direction.DESC, "raisedAt")), SafetyFlag.class);
    }

    public Mono<Long> countOpen(UUID clientId) {
        return mongo.count(filter(clientId, true), SafetyFlag.class);
    }

    private static Query filter(UUID clientId, Boolean open) {
        var criteria = where("clientId").is(clientId);
        if (open != null) {
            criteria = new Criteria()
                    .andOperator(
                            criteria,
                            open
                                    ? where("acknowledgedAt").is(null)
                                    : where("acknowledgedAt").ne(null));
        }
        return query(criteria);
    }

    /** The flag after an acknowledgement; {@code first} when this call acknowledged it (and stored its event). */
    public record Acknowledgement(SafetyFlag flag, boolean first) {}

    /**
     * Marks the client's flag acknowledged by the therapist, unless it already is (the first acknowledgement is
     * kept). The first acknowledgement stores its {@code SafetyFlagAcknowledged} in the flag's outbox in the same
     * write, so the event goes out exactly when the acknowledgement is stored; a repeat stores nothing. Emits nothing
     * when the client has no such flag.
     */
    public Mono<Acknowledgement> acknowledge(UUID clientId, String flagId, SafetyFlagAcknowledged event) {
        var mine = new Criteria()
                .andOperator(where("_id").is(flagId), where("clientId").is(clientId));
        var stillOpen = new Criteria()
                .andOperator(
                        where("_id").is(flagId),
                        where("clientId").is(clientId),
                        where("acknowledgedAt").is(null));
        var update = Outbox.append(
                new Update().set("acknowledgedAt", event.occurredAt()).set("acknowledgedBy", event.therapistId()),
                event.occurredAt(),
                List.of(event));
        return mongo.updateFirst(query(stillOpen), update, SafetyFlag.COLLECTION)
                .map(result -> result.getModifiedCount() > 0)
                .flatMap(first ->
                        mongo.findOne(query(mine), SafetyFlag.class).map(flag -> new Acknowledgement(flag, first)));
    }

    /** An erased therapist's id leaves the flags they acknowledged (the acknowledgement time stays). */
    public Mono<Void> forgetAcknowledger(UUID therapistId) {
        return mongo.updateMulti(
                        query(where("acknowledgedBy").is(therapistId)),
                        new Update().unset("acknowledgedBy"),
                        SafetyFlag.COLLECTION)
                .then();
    }
}
