package org.attune.notification.store;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.attune.events.AttuneEvent;
import org.attune.kit.outbox.Outbox;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Every change to a notification is one single-document operation, conditional on the state (and, for claimed work,
 * on the lease owner), so several instances can share the collection without transactions and nothing is delivered
 * twice.
 */
@Component
public class NotificationStore {

    public static final String COLLECTION = "notifications";

    private final ReactiveMongoTemplate mongo;

    NotificationStore(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Indexes for real MongoDB (mongo-java-server ignores non-unique ones). */
    public Mono<Void> ensureIndexes() {
        var ops = mongo.indexOps(COLLECTION);
        return Flux.concat(
                        ops.createIndex(
                                new Index().on("state", Sort.Direction.ASC).on("dueAt", Sort.Direction.ASC)),
                        ops.createIndex(new Index()
                                .on("emailState", Sort.Direction.ASC)
                                .on("emailNextAttemptAt", Sort.Direction.ASC)),
                        ops.createIndex(new Index()
                                .on("recipientId", Sort.Direction.ASC)
                                .on("unread", Sort.Direction.DESC)
                                .on("deliveredAt", Sort.Direction.DESC)),
                        ops.createIndex(new Index().on("clientId", Sort.Direction.ASC)))
                .then();
    }

    /** Stores a new notification; emits false when one with the same id already exists. */
    public Mono<Boolean> schedule(Notification notification) {
        return mongo.insert(notification, COLLECTION)
                .thenReturn(true)
                .onErrorResume(DuplicateKeyException.class, e -> Mono.just(false));
    }

    public Mono<Notification> find(String id) {
        return mongo.findById(id, Notification.class, COLLECTION);
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
    public Flux<String> dueCandidates(Instant now, int limit) {
        var query = Query.query(dueAndFree(now)).with(Sort.by("dueAt")).limit(limit);
        query.fields().include("_id");
        return mongo.find(query, org.bson.Document.class, COLLECTION)
                .map(d -> d.get("_id").toString());
    }

    /**
     * Claims one due notification for {@code owner} until {@code now + lease}: a single find-and-modify on its id that
     * still requires it to be due and unclaimed, so two instances never claim the same one; an expired lease (its
     * instance died) can be claimed again. Emits nothing when someone else was faster.
     */
    public Mono<Notification> claim(String id, Instant now, String owner, Duration lease) {
        var query = Query.query(where("_id").is(id)).addCriteria(dueAndFree(now));
        var update = new Update()
                .set("leaseOwner", owner)
                .set("leaseUntil", now.plus(lease))
                .unset(LEASE_TOKEN);
        return mongo.findAndModify(
                query, update, FindAndModifyOptions.options().returnNew(true), Notification.class, COLLECTION);
    }

    /**
     * Claims as many of these candidates as are still due and unclaimed, for {@code owner} until {@code now + lease},
     * with one multi-document update and one read (issue 14, P4): each document's update is atomic and still requires
     * it to be due and unclaimed, so two instances never claim the same one, as with {@link #claim}. The claim carries
     * a token of this call, so the read returns exactly what this call won. Emits the claimed notifications.
     */
    public Flux<Notification> claimAll(Collection<String> ids, Instant now, String owner, Duration lease) {
        if (ids.isEmpty()) {
            return Flux.empty();
        }
        var token = owner + "/" + java.util.UUID.randomUUID();
        var query = Query.query(where("_id").in(ids)).addCriteria(dueAndFree(now));
        var update = new Update()
                .set("leaseOwner", owner)
                .set("leaseUntil", now.plus(lease))
                .set(LEASE_TOKEN, token);
        return mongo.updateMulti(query, update, Notification.class, COLLECTION)
                .flatMapMany(result -> result.getModifiedCount() == 0
                        ? Flux.empty()
                        : mongo.find(
                                Query.query(where(LEASE_TOKEN)
                                                .is(token)
                                                .and("leaseOwner")
                                                .is(owner))
                                        .with(Sort.by("dueAt")),
                                Notification.class,
                                COLLECTION));
    }

    /** Which batch claim holds the lease; not part of {@link Notification}, gone with the lease. */
    static final String LEASE_TOKEN = "leaseToken";

    private static Update releasingLease(Update update) {
        return update.unset("leaseOwner").unset("leaseUntil").unset(LEASE_TOKEN);
    }

    private Query claimedBy(String id, String owner) {
        return Query.query(where("_id")
                .is(id)
                .and("state")
                .is(NotificationState.SCHEDULED)
                .and("leaseOwner")
                .is(owner));
    }

    /**
     * Marks a claimed notification delivered in the app ({@code state}: DELIVERED, or ESCALATED for an escalation),
     * with its event to publish, and queues its email copy when {@code emailTo} (one address or several, separated by
     * commas) is set. Emits false when the lease was lost meanwhile (someone else delivers it).
     */
    public Mono<Boolean> markDelivered(
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
        return updated(claimedBy(id, owner), update);
    }

    public Mono<Boolean> markExpired(String id, String owner, Instant now) {
        return updated(
                claimedBy(id, owner),
                releasingLease(
                        new Update().set("state", NotificationState.EXPIRED).set("expiredAt", now)));
    }

    /** The recipient muted this kind: it is not delivered. */
    public Mono<Boolean> markCancelled(String id, String owner, Instant now) {
        return updated(
                claimedBy(id, owner),
                releasingLease(
                        new Update().set("state", NotificationState.CANCELLED).set("cancelledAt", now)));
    }

    /** Moves a claimed notification to a later instant (quiet hours) and releases it. */
    public Mono<Boolean> defer(String id, String owner, Instant dueAt) {
        return updated(claimedBy(id, owner), releasingLease(new Update().set("dueAt", dueAt)));
    }

    // --- email ----------------------------------------------------------------------------------------------

    private static Criteria emailDueAndFree(Instant now) {
        return where("emailState")
                .is(EmailState.PENDING)
                .and("emailNextAttemptAt")
                .lte(now)
                .orOperator(
                        where("emailLeaseUntil").is(null),
                        where("emailLeaseUntil").lte(now));
    }

    /** Ids of up to {@code limit} emails due to be (re)tried; see {@link #dueCandidates}. */
    public Flux<String> emailCandidates(Instant now, int limit) {
        var query = Query.query(emailDueAndFree(now))
                .with(Sort.by("emailNextAttemptAt"))
                .limit(limit);
        query.fields().include("_id");
        return mongo.find(query, org.bson.Document.class, COLLECTION)
                .map(d -> d.get("_id").toString());
    }

    /** Claims one pending email with its own lease; emits nothing when someone else was faster. */
    public Mono<Notification> claimEmail(String id, Instant now, String owner, Duration lease) {
        var query = Query.query(where("_id").is(id)).addCriteria(emailDueAndFree(now));
        var update = new Update().set("emailLeaseOwner", owner).set("emailLeaseUntil", now.plus(lease));
        return mongo.findAndModify(
                query, update, FindAndModifyOptions.options().returnNew(true), Notification.class, COLLECTION);
    }

    private Query emailClaimedBy(String id, String owner) {
        return Query.query(where("_id")
                .is(id)
                .and("emailState")
                .is(EmailState.PENDING)
                .and("emailLeaseOwner")
                .is(owner));
    }

    public Mono<Boolean> emailSent(String id, String owner, Instant now, AttuneEvent event) {
        return updated(
                emailClaimedBy(id, owner),
                Outbox.append(new Update(), now, List.of(event))
                        .set("emailState", EmailState.SENT)
                        .set("emailSentAt", now)
                        .inc("emailAttempts", 1)
                        .unset("emailLeaseOwner")
                        .unset("emailLeaseUntil"));
    }

    public Mono<Boolean> emailRetryAt(String id, String owner, Instant nextAttemptAt) {
        return updated(
                emailClaimedBy(id, owner),
                new Update()
                        .inc("emailAttempts", 1)
                        .set("emailNextAttemptAt", nextAttemptAt)
                        .unset("emailLeaseOwner")
                        .unset("emailLeaseUntil"));
    }

    public Mono<Boolean> emailErrored(String id, String owner, Instant now) {
        return updated(
                emailClaimedBy(id, owner),
                new Update()
                        .inc("emailAttempts", 1)
                        .set("emailState", EmailState.ERRORED)
                        .set("emailErroredAt", now)
                        .unset("emailLeaseOwner")
                        .unset("emailLeaseUntil"));
    }

    // --- inbox ----------------------------------------------------------------------------------------------

    /** What the recipient still has in the inbox: delivered (or escalated) and not dismissed. */
    private static final List<NotificationState> IN_INBOX =
            List.of(NotificationState.DELIVERED, NotificationState.ESCALATED, NotificationState.OPENED);

    private static Criteria inInbox(String recipientId) {
        return where("recipientId").is(recipientId).and("state").in(IN_INBOX);
    }

    /** Unread first, newest first within each. */
    public Flux<Notification> inbox(String recipientId, int page, int size) {
        var query = Query.query(inInbox(recipientId))
                .with(Sort.by(Sort.Order.desc("unread"), Sort.Order.desc("deliveredAt"), Sort.Order.asc("_id")))
                .skip((long) page * size)
                .limit(size);
        return mongo.find(query, Notification.class, COLLECTION);
    }

    public Mono<Long> inboxCount(String recipientId) {
        return mongo.count(Query.query(inInbox(recipientId)), Notification.class, COLLECTION);
    }

    public Mono<Long> unreadCount(String recipientId) {
        return mongo.count(
                Query.query(where("recipientId")
                        .is(recipientId)
                        .and("state")
                        .in(NotificationState.DELIVERED, NotificationState.ESCALATED)),
                Notification.class,
                COLLECTION);
    }

    public Mono<Notification> open(String id, String recipientId, Instant now) {
        var query = Query.query(where("_id")
                .is(id)
                .and("recipientId")
                .is(recipientId)
                .and("state")
                .in(IN_INBOX));
        var update = new Update()
                .set("state", NotificationState.OPENED)
                .set("unread", false)
                .set("openedAt", now);
        return mongo.findAndModify(
                query, update, FindAndModifyOptions.options().returnNew(true), Notification.class, COLLECTION);
    }

    public Mono<Notification> dismiss(String id, String recipientId, Instant now) {
        var query = Query.query(where("_id")
                .is(id)
                .and("recipientId")
                .is(recipientId)
                .and("state")
                .in(IN_INBOX));
        var update = new Update()
                .set("state", NotificationState.DISMISSED)
                .set("unread", false)
                .set("dismissedAt", now);
        return mongo.findAndModify(
                query, update, FindAndModifyOptions.options().returnNew(true), Notification.class, COLLECTION);
    }

    /** Takes a delivered notification out of the inbox until {@code until}, when it is delivered once more. */
    public Mono<Notification> snooze(String id, String recipientId, Instant now, Instant until) {
        var query = Query.query(where("_id")
                .is(id)
                .and("recipientId")
                .is(recipientId)
                .and("urgent")
                .is(false)
                .and("state")
                .in(IN_INBOX));
        var update = new Update()
                .set("state", NotificationState.SCHEDULED)
                .set("unread", false)
                .set("dueAt", until)
                .set("snoozedAt", now)
                .unset("expiresAt")
                .inc("snoozes", 1);
        return mongo.findAndModify(
                query, update, FindAndModifyOptions.options().returnNew(true), Notification.class, COLLECTION);
    }

    /**
     * Adds the client's shared words to a rupture prompt that has none yet: a delivered or opened prompt is unread
     * again, so the therapist notices; a dismissed one stays dismissed; one not yet delivered is delivered with them.
     * Emits false when there is no such prompt or it has its words already, so a repeat changes nothing.
     */
    public Mono<Boolean> addClientWords(String id, String recipientId, String words) {
        var withoutWords = where("_id")
                .is(id)
                .and("recipientId")
                .is(recipientId)
                .and("kind")
                .is(NotificationKind.RUPTURE_SIGNAL)
                .orOperator(where("args").is(null), where("args").size(0));
        var inInbox = Query.query(new Criteria()
                .andOperator(withoutWords, where("state").in(NotificationState.DELIVERED, NotificationState.OPENED)));
        var args = List.of(words);
        return updated(
                        inInbox,
                        new Update()
                                .set("args", args)
                                .set("state", NotificationState.DELIVERED)
                                .set("unread", true))
                .flatMap(done ->
                        done ? Mono.just(true) : updated(Query.query(withoutWords), new Update().set("args", args)));
    }

    // --- cancelling and re-planning -------------------------------------------------------------------------

    /**
     * Cancels a pending notification by id; when none exists yet, leaves a CANCELLED one in its place so a later
     * planning pass cannot create it.
     */
    public Mono<Void> cancelOrPreempt(Notification placeholder, Instant now) {
        var query = Query.query(where("_id").is(placeholder.id()).and("state").is(NotificationState.SCHEDULED));
        var update = new Update()
                .set("state", NotificationState.CANCELLED)
                .set("cancelledAt", now)
                .unset("leaseOwner")
                .unset("leaseUntil")
                .unset(LEASE_TOKEN);
        return mongo.updateFirst(query, update, Notification.class, COLLECTION).flatMap(result -> {
            if (result.getMatchedCount() > 0) {
                return Mono.empty();
            }
            var tombstone = new Notification(
                    placeholder.id(),
                    placeholder.recipientId(),
                    placeholder.clientId(),
                    placeholder.kind(),
                    placeholder.args(),
                    placeholder.urgent(),
                    placeholder.localDate(),
                    placeholder.dueAt(),
                    placeholder.expiresAt(),
                    NotificationState.CANCELLED,
                    false,
                    null,
                    null,
                    now,
                    null,
                    null,
                    null,
                    now,
                    null,
                    null,
                    null,
                    null,
                    0,
                    0,
                    EmailState.NONE,
                    null,
                    0,
                    null,
                    null,
                    null,
                    null,
                    null);
            return schedule(tombstone).then();
        });
    }

    /** Removes the not-yet-due notifications of these kinds, so they can be planned anew. */
    public Mono<Long> removeScheduled(String recipientId, Collection<NotificationKind> kinds) {
        var query = Query.query(where("recipientId")
                .is(recipientId)
                .and("state")
                .is(NotificationState.SCHEDULED)
                .and("kind")
                .in(kinds));
        return mongo.remove(query, Notification.class, COLLECTION).map(r -> r.getDeletedCount());
    }

    // --- data rights ----------------------------------------------------------------------------------------

    public Flux<Notification> forRecipient(String recipientId) {
        return mongo.find(
                Query.query(where("recipientId").is(recipientId)).with(Sort.by("createdAt")),
                Notification.class,
                COLLECTION);
    }

    /** Deletes every notification to the account and every notification about it (as a client). */
    public Mono<Void> erase(String accountId) {
        var query = Query.query(new Criteria()
                .orOperator(
                        where("recipientId").is(accountId), where("clientId").is(accountId)));
        return mongo.remove(query, Notification.class, COLLECTION).then();
    }

    public Mono<Long> count(Query query) {
        return mongo.count(query, Notification.class, COLLECTION);
    }

    private Mono<Boolean> updated(Query query, Update update) {
        return mongo.updateFirst(query, update, Notification.class, COLLECTION).map(r -> r.getModifiedCount() > 0);
    }

    /** Test and benchmark helper: stores many notifications at once. */
    public Mono<Long> scheduleAll(List<Notification> notifications) {
        return mongo.insert(notifications, COLLECTION).count();
    }
}
