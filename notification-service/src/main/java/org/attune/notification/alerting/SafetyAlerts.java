package org.attune.notification.alerting;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Duration;
import java.time.Instant;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The alerts' acknowledgement states ({@code safety_alerts}), and the flags acknowledged before their alert arrived
 * ({@code safety_flag_acknowledgements}: the acknowledgement and the flag travel in separate outbox rounds, so a
 * broker outage can deliver them out of order). Every change is one single-document conditional write, so several
 * instances share the collection without transactions or locks.
 */
@Component
public class SafetyAlerts {

    static final String ACKNOWLEDGEMENTS = "safety_flag_acknowledgements";

    private final ReactiveMongoTemplate mongo;

    SafetyAlerts(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Indexes for real MongoDB (mongo-java-server ignores non-unique ones). */
    public Mono<Void> ensureIndexes() {
        var ops = mongo.indexOps(SafetyAlert.COLLECTION);
        return Flux.concat(
                        ops.createIndex(new Index().on("escalateAt", Sort.Direction.ASC)),
                        ops.createIndex(new Index().on("flagId", Sort.Direction.ASC)),
                        ops.createIndex(new Index().on("clientId", Sort.Direction.ASC)),
                        ops.createIndex(new Index().on("therapistId", Sort.Direction.ASC)))
                .then();
    }

    /**
     * Starts the acknowledgement clock of a flag's alert to a therapist, once: a repeat (a redelivered event, another
     * instance) finds it stored and changes nothing. A flag acknowledged before this arrived is stored acknowledged,
     * so it never escalates.
     */
    public Mono<Boolean> track(String flagId, String clientId, String therapistId, Instant now, Duration window) {
        var alert = new SafetyAlert(
                SafetyAlert.idOf(flagId, therapistId),
                clientId,
                therapistId,
                flagId,
                now,
                (int) window.toMinutes(),
                EscalationSchedule.firstDue(now, window),
                0,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
        return mongo.insert(alert, SafetyAlert.COLLECTION)
                .thenReturn(true)
                .onErrorResume(DuplicateKeyException.class, alreadyTracked -> Mono.just(false))
                .flatMap(tracked -> mongo.findById(flagId, org.bson.Document.class, ACKNOWLEDGEMENTS)
                        .flatMap(earlier -> acknowledgeOpen(
                                where("_id").is(alert.id()),
                                earlier.getString("therapistId"),
                                earlier.getDate("acknowledgedAt").toInstant()))
                        .thenReturn(tracked));
    }

    /**
     * Records that the flag was acknowledged: every open alert about it stops escalating, whichever therapist it went
     * to, since the client's flag has been seen. Also remembered for alerts of the flag that arrive later.
     */
    public Mono<Long> acknowledge(String flagId, String clientId, String therapistId, Instant at) {
        var remembered = new Update()
                .setOnInsert("clientId", clientId)
                .setOnInsert("therapistId", therapistId)
                .setOnInsert("acknowledgedAt", at);
        return mongo.upsert(query(where("_id").is(flagId)), remembered, ACKNOWLEDGEMENTS)
                .onErrorResume(DuplicateKeyException.class, raced -> Mono.empty())
                .then(acknowledgeOpen(where("flagId").is(flagId), therapistId, at));
    }

    private Mono<Long> acknowledgeOpen(Criteria which, String therapistId, Instant at) {
        var open = query(new Criteria().andOperator(which, where("endedAt").is(null)));
        var update = new Update()
                .set("acknowledgedAt", at)
                .set("acknowledgedBy", therapistId)
                .set("endedAt", at)
                .set("endReason", SafetyAlert.EndReason.ACKNOWLEDGED)
                .unset("escalateAt")
                .unset("pendingEscalation");
        return mongo.updateMulti(open, update, SafetyAlert.COLLECTION).map(r -> r.getModifiedCount());
    }

    /** Up to {@code limit} open alerts whose next escalation is due, the longest waiting first. */
    public Flux<SafetyAlert> due(Instant now, int limit) {
        return mongo.find(
                query(where("escalateAt").lte(now)).with(Sort.by("escalateAt")).limit(limit),
                SafetyAlert.class,
                SafetyAlert.COLLECTION);
    }

    /**
     * Claims the next escalation of an alert read as {@code seen}: one find-and-modify that still requires the same
     * number of escalations, a due time that has come and no acknowledgement, and that counts the escalation, marks
     * it pending and moves the due time to the next slot. Of several instances holding the same read, exactly one
     * wins; the others get nothing.
     */
    public Mono<SafetyAlert> claim(SafetyAlert seen, Instant now, String owner) {
        var stillDue = query(where("_id")
                .is(seen.id())
                .and("escalations")
                .is(seen.escalations())
                .and("escalateAt")
                .lte(now)
                .and("endedAt")
                .is(null));
        var update = new Update()
                .inc("escalations", 1)
                .set("escalateAt", seen.nextAfterSending(now))
                .set("lastEscalatedAt", now)
                .set("lastEscalatedBy", owner)
                .set("pendingEscalation", seen.escalations() + 1);
        return mongo.findAndModify(
                stillDue,
                update,
                FindAndModifyOptions.options().returnNew(true),
                SafetyAlert.class,
                SafetyAlert.COLLECTION);
    }

    /** Alerts with a claimed escalation whose notification may not be stored yet (its claimer may have died). */
    public Flux<SafetyAlert> pending(int limit) {
        return mongo.find(
                query(where("pendingEscalation").ne(null)).limit(limit), SafetyAlert.class, SafetyAlert.COLLECTION);
    }

    /** The notification of escalation {@code number} is stored. */
    public Mono<Void> issued(String id, int number) {
        return mongo.updateFirst(
                        query(where("_id").is(id).and("pendingEscalation").is(number)),
                        new Update().unset("pendingEscalation"),
                        SafetyAlert.COLLECTION)
                .then();
    }

    /** Stops the alert's escalation for a reason other than an acknowledgement. */
    public Mono<Boolean> end(String id, SafetyAlert.EndReason reason, Instant now) {
        return mongo.updateFirst(
                        query(where("_id").is(id).and("endedAt").is(null)),
                        new Update()
                                .set("endedAt", now)
                                .set("endReason", reason)
                                .unset("escalateAt")
                                .unset("pendingEscalation"),
                        SafetyAlert.COLLECTION)
                .map(r -> r.getModifiedCount() > 0);
    }

    public Mono<SafetyAlert> find(String id) {
        return mongo.findById(id, SafetyAlert.class, SafetyAlert.COLLECTION);
    }

    /** The alert of a flag to a therapist, if there is one. */
    public Mono<SafetyAlert> of(String flagId, String therapistId) {
        return find(SafetyAlert.idOf(flagId, therapistId));
    }

    /** The alerts about a client, oldest first (export). */
    public Flux<SafetyAlert> aboutClient(String clientId) {
        return mongo.find(
                query(where("clientId").is(clientId)).with(Sort.by("alertedAt")),
                SafetyAlert.class,
                SafetyAlert.COLLECTION);
    }

    /** Removes every alert to or about the account, and the acknowledgements about it as a client. */
    public Mono<Void> erase(String accountId) {
        var alerts = query(new Criteria()
                .orOperator(
                        where("clientId").is(accountId), where("therapistId").is(accountId)));
        return mongo.remove(alerts, SafetyAlert.COLLECTION)
                .then(mongo.remove(query(where("clientId").is(accountId)), ACKNOWLEDGEMENTS))
                // An erased therapist's id leaves the acknowledgements they gave.
                .then(mongo.updateMulti(
                        query(where("therapistId").is(accountId)), new Update().unset("therapistId"), ACKNOWLEDGEMENTS))
                .then();
    }
}
