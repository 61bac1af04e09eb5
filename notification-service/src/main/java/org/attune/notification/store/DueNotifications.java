package org.attune.notification.store;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.attune.events.AttuneEvent;
import org.attune.events.EventJson;
import org.attune.kit.outbox.Outbox;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.BulkOperations.BulkMode;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Due notifications in batches (issue 14, P4): one query finds the candidates, one multi-document update claims them,
 * one bulk write settles what was decided for each. Every document's write stays atomic and conditional (due and
 * unclaimed to claim; still scheduled and leased by the claimer to settle), so instances share the collection without
 * transactions and nothing is delivered twice; a batch cut short by a crash leaves each document either settled with
 * its events in its outbox (the relay's sweep publishes them) or still leased (claimed again once the lease ran out).
 */
@Component
public class DueNotifications {

    /** Which batch claim holds the lease; not part of {@link Notification}, gone with the lease. */
    static final String LEASE_TOKEN = "leaseToken";

    private final ReactiveMongoTemplate mongo;

    DueNotifications(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    private static Criteria dueAndFree(Instant now) {
        return where("state")
                .is(NotificationState.SCHEDULED)
                .and("dueAt")
                .lte(now)
                .orOperator(where("leaseUntil").is(null), where("leaseUntil").lte(now));
    }

    /**
     * Ids of up to {@code limit} due, unclaimed notifications, oldest first: candidates only, each still has to be
     * claimed. One query per batch instead of one scan per claim keeps stores without indexes (mongo-java-server) fast.
     */
    public Flux<String> candidates(Instant now, int limit) {
        var query = Query.query(dueAndFree(now)).with(Sort.by("dueAt")).limit(limit);
        query.fields().include("_id");
        return mongo.find(query, Document.class, NotificationStore.COLLECTION)
                .map(d -> d.get("_id").toString());
    }

    /**
     * Claims as many of these candidates as are still due and unclaimed, for {@code owner} until {@code now + lease},
     * with one multi-document update and one read: each document's update is atomic and still requires it to be due
     * and unclaimed, so two instances never claim the same one. The claim carries a token of this call, so the read
     * returns exactly what this call won. Emits the claimed notifications.
     */
    public Flux<Notification> claimAll(Collection<String> ids, Instant now, String owner, Duration lease) {
        if (ids.isEmpty()) {
            return Flux.empty();
        }
        var token = owner + "/" + UUID.randomUUID();
        var query = Query.query(where("_id").in(ids)).addCriteria(dueAndFree(now));
        var update = new Update()
                .set("leaseOwner", owner)
                .set("leaseUntil", now.plus(lease))
                .set(LEASE_TOKEN, token);
        return mongo.updateMulti(query, update, Notification.class, NotificationStore.COLLECTION)
                .flatMapMany(result -> result.getModifiedCount() == 0
                        ? Flux.empty()
                        : mongo.find(
                                // The ids first: a store without secondary indexes finds them by _id, not by a scan.
                                Query.query(where("_id")
                                                .in(ids)
                                                .and(LEASE_TOKEN)
                                                .is(token)
                                                .and("leaseOwner")
                                                .is(owner))
                                        .with(Sort.by("dueAt")),
                                Notification.class,
                                NotificationStore.COLLECTION));
    }

    /** What was decided for one claimed notification: the write that settles it, and its events if delivered. */
    public record Settlement(String id, Outcome outcome, Update update, List<AttuneEvent> events) {}

    public enum Outcome {
        DELIVERED,
        EXPIRED,
        CANCELLED,
        DEFERRED
    }

    static Update releasingLease(Update update) {
        return update.unset("leaseOwner").unset("leaseUntil").unset(LEASE_TOKEN);
    }

    /**
     * Delivered in the app ({@code state}: DELIVERED, or ESCALATED for an escalation), with its event to publish; its
     * email copy queued when {@code emailTo} (one address or several, separated by commas) is set.
     */
    public static Settlement delivered(
            String id, String owner, Instant now, AttuneEvent event, String emailTo, NotificationState state) {
        var update = new Update()
                .set("state", state)
                .set("unread", true)
                .set("deliveredAt", now)
                .set("deliveredBy", owner)
                .inc("deliveries", 1);
        Outbox.append(update, now, List.of(event));
        releasingLease(update);
        if (emailTo != null) {
            update.set("emailState", EmailState.PENDING)
                    .set("emailTo", emailTo)
                    .set("emailAttempts", 0)
                    .set("emailNextAttemptAt", now);
        }
        return new Settlement(id, Outcome.DELIVERED, update, List.of(event));
    }

    /** It could only arrive too late to help. */
    public static Settlement expired(String id, Instant now) {
        return new Settlement(
                id,
                Outcome.EXPIRED,
                releasingLease(
                        new Update().set("state", NotificationState.EXPIRED).set("expiredAt", now)),
                List.of());
    }

    /** Muted, paused or no longer consented to: it is not delivered. */
    public static Settlement cancelled(String id, Instant now) {
        return new Settlement(
                id,
                Outcome.CANCELLED,
                releasingLease(
                        new Update().set("state", NotificationState.CANCELLED).set("cancelledAt", now)),
                List.of());
    }

    /** Moved to a later instant (quiet hours) and released. */
    public static Settlement deferred(String id, Instant dueAt) {
        return new Settlement(id, Outcome.DEFERRED, releasingLease(new Update().set("dueAt", dueAt)), List.of());
    }

    private static Query claimedBy(String id, String owner) {
        return Query.query(where("_id")
                .is(id)
                .and("state")
                .is(NotificationState.SCHEDULED)
                .and("leaseOwner")
                .is(owner));
    }

    /**
     * Writes these settlements of notifications {@code owner} claimed, in one bulk write (one round trip instead of one
     * per notification); each is conditional on the lease, so one whose lease ran out meanwhile (someone else settles
     * it) changes nothing. Emits those that took effect: all of them in the normal case, told by the write's count;
     * after a lost lease, by reading back which documents hold the events written here.
     */
    public Mono<List<Settlement>> settleAll(String owner, List<Settlement> settlements) {
        if (settlements.isEmpty()) {
            return Mono.just(List.of());
        }
        var bulk = mongo.bulkOps(BulkMode.UNORDERED, Notification.class, NotificationStore.COLLECTION);
        for (var s : settlements) {
            bulk.updateOne(claimedBy(s.id(), owner), s.update());
        }
        return bulk.execute()
                .flatMap(result -> result.getModifiedCount() == settlements.size()
                        ? Mono.just(settlements)
                        : tookEffect(settlements));
    }

    /**
     * Rare (a lease ran out mid-batch): the deliveries whose event is in their document's outbox took effect (each
     * event has a fresh id, so nobody else wrote it). The other outcomes need nothing afterwards; only their counters
     * may miss one here.
     */
    private Mono<List<Settlement>> tookEffect(List<Settlement> settlements) {
        var deliveries = settlements.stream()
                .filter(s -> s.outcome() == Outcome.DELIVERED)
                .toList();
        if (deliveries.isEmpty()) {
            return Mono.just(List.of());
        }
        var query = Query.query(
                where("_id").in(deliveries.stream().map(Settlement::id).toList()));
        query.fields().include(Outbox.FIELD);
        return mongo.find(query, Document.class, NotificationStore.COLLECTION)
                .collectMap(d -> d.get("_id").toString(), DueNotifications::outboxEvents)
                .map(events -> deliveries.stream()
                        .filter(s -> events.getOrDefault(s.id(), List.of())
                                .containsAll(s.events().stream()
                                        .map(EventJson::write)
                                        .toList()))
                        .toList());
    }

    private static List<String> outboxEvents(Document document) {
        var outbox = document.get(Outbox.FIELD, Document.class);
        return outbox == null ? List.of() : outbox.getList("events", String.class, List.of());
    }
}
