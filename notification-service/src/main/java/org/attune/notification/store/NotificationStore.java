package org.attune.notification.store;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
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
 * Notifications: storing, the inbox, cancelling and re-planning, data rights. Every change is one single-document
 * operation conditional on the state, so several instances share the collection without transactions. Claiming and
 * settling due work in batches is {@link DueNotifications}'s, sending the email copies {@link EmailQueue}'s.
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
                .unset(DueNotifications.LEASE_TOKEN);
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
