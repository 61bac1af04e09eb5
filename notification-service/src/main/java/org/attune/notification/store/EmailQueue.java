package org.attune.notification.store;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.attune.events.AttuneEvent;
import org.attune.kit.outbox.Outbox;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The email copies of delivered notifications waiting to be sent: each claimed with its own lease (apart from the
 * delivery's), and every later change conditional on that lease, so two instances never send the same copy.
 */
@Component
public class EmailQueue {

    private final ReactiveMongoTemplate mongo;

    EmailQueue(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    private static Criteria emailDueAndFree(Instant now) {
        return where("emailState")
                .is(EmailState.PENDING)
                .and("emailNextAttemptAt")
                .lte(now)
                .orOperator(
                        where("emailLeaseUntil").is(null),
                        where("emailLeaseUntil").lte(now));
    }

    /** Ids of up to {@code limit} emails due to be (re)tried; see {@link DueNotifications#candidates}. */
    public Flux<String> candidates(Instant now, int limit) {
        var query = Query.query(emailDueAndFree(now))
                .with(Sort.by("emailNextAttemptAt"))
                .limit(limit);
        query.fields().include("_id");
        return mongo.find(query, Document.class, NotificationStore.COLLECTION)
                .map(d -> d.get("_id").toString());
    }

    /** Claims one pending email with its own lease; emits nothing when someone else was faster. */
    public Mono<Notification> claim(String id, Instant now, String owner, Duration lease) {
        var query = Query.query(where("_id").is(id)).addCriteria(emailDueAndFree(now));
        var update = new Update().set("emailLeaseOwner", owner).set("emailLeaseUntil", now.plus(lease));
        return mongo.findAndModify(
                query,
                update,
                FindAndModifyOptions.options().returnNew(true),
                Notification.class,
                NotificationStore.COLLECTION);
    }

    private Query emailClaimedBy(String id, String owner) {
        return Query.query(where("_id")
                .is(id)
                .and("emailState")
                .is(EmailState.PENDING)
                .and("emailLeaseOwner")
                .is(owner));
    }

    public Mono<Boolean> sent(String id, String owner, Instant now, AttuneEvent event) {
        return updated(
                emailClaimedBy(id, owner),
                Outbox.append(new Update(), now, List.of(event))
                        .set("emailState", EmailState.SENT)
                        .set("emailSentAt", now)
                        .inc("emailAttempts", 1)
                        .unset("emailLeaseOwner")
                        .unset("emailLeaseUntil"));
    }

    public Mono<Boolean> retryAt(String id, String owner, Instant nextAttemptAt) {
        return updated(
                emailClaimedBy(id, owner),
                new Update()
                        .inc("emailAttempts", 1)
                        .set("emailNextAttemptAt", nextAttemptAt)
                        .unset("emailLeaseOwner")
                        .unset("emailLeaseUntil"));
    }

    public Mono<Boolean> errored(String id, String owner, Instant now) {
        return updated(
                emailClaimedBy(id, owner),
                new Update()
                        .inc("emailAttempts", 1)
                        .set("emailState", EmailState.ERRORED)
                        .set("emailErroredAt", now)
                        .unset("emailLeaseOwner")
                        .unset("emailLeaseUntil"));
    }

    private Mono<Boolean> updated(Query query, Update update) {
        return mongo.updateFirst(query, update, Notification.class, NotificationStore.COLLECTION)
                .map(r -> r.getModifiedCount() > 0);
    }
}
