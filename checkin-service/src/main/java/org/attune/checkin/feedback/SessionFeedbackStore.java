package org.attune.checkin.feedback;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.attune.events.AttuneEvent;
import org.attune.events.SessionFeedbackShared;
import org.attune.kit.outbox.Outbox;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Reads and writes session connection checks; the feature's API for progress and export. */
@Component
public class SessionFeedbackStore {

    private final ReactiveMongoTemplate mongo;

    SessionFeedbackStore(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
        mongo.indexOps(SessionFeedback.COLLECTION)
                .createIndex(new Index().on("clientId", Sort.Direction.ASC).on("recordedAt", Sort.Direction.DESC))
                .onErrorResume(e -> Mono.empty())
                .subscribe();
    }

    Mono<SessionFeedback> insert(SessionFeedback feedback) {
        return mongo.insert(feedback);
    }

    /** The client's last {@code count} checks recorded before {@code at}, newest first. */
    Flux<SessionFeedback> latestBefore(UUID clientId, Instant at, int count) {
        return mongo.find(
                query(where("clientId").is(clientId).and("recordedAt").lt(at))
                        .with(Sort.by(Sort.Direction.DESC, "recordedAt"))
                        .limit(count),
                SessionFeedback.class);
    }

    /** A client's feedback recorded in [from, to), oldest first; null bounds are open. */
    public Flux<SessionFeedback> of(UUID clientId, Instant from, Instant to) {
        return mongo.find(
                range(clientId, from, to).with(Sort.by(Sort.Direction.ASC, "recordedAt")), SessionFeedback.class);
    }

    /** A client's feedback recorded in [from, to), newest first; null bounds are open. */
    Flux<SessionFeedback> newestFirst(UUID clientId, Instant from, Instant to) {
        return mongo.find(
                range(clientId, from, to).with(Sort.by(Sort.Direction.DESC, "recordedAt")), SessionFeedback.class);
    }

    /** The client's most recent check that carried a rupture signal, if any. */
    public Mono<SessionFeedback> latestRupture(UUID clientId) {
        return mongo.findOne(
                query(where("clientId").is(clientId).and("ruptureSignal").is(true))
                        .with(Sort.by(Sort.Direction.DESC, "recordedAt"))
                        .limit(1),
                SessionFeedback.class);
    }

    /**
     * Shares the words of the client's own feedback with their therapist; emits it, or nothing if not theirs. The
     * first share of a check with words puts a {@link SessionFeedbackShared} into the document's outbox in the same
     * write ({@code published} says so); a repeated or concurrent share matches nothing and publishes nothing.
     */
    Mono<Shared> shareComment(UUID clientId, String id, Instant now) {
        var mine = query(new Criteria()
                .andOperator(where("_id").is(id), where("clientId").is(clientId)));
        return mongo.findOne(mine, SessionFeedback.class).flatMap(found -> {
            if (found.sharedWithTherapist()) {
                return Mono.just(new Shared(found, List.of()));
            }
            List<AttuneEvent> events = found.text() == null
                    ? List.of()
                    : List.of(new SessionFeedbackShared(
                            UUID.randomUUID(),
                            now,
                            AttuneEvent.CURRENT_SCHEMA_VERSION,
                            clientId,
                            UUID.fromString(found.id()),
                            found.text()));
            var stillPrivate = query(new Criteria()
                    .andOperator(
                            where("_id").is(id),
                            where("clientId").is(clientId),
                            where("sharedWithTherapist").is(false)));
            var update = new Update().set("sharedWithTherapist", true);
            if (!events.isEmpty()) {
                Outbox.append(update, now, events);
            }
            return mongo.updateFirst(stillPrivate, update, SessionFeedback.COLLECTION)
                    .flatMap(result -> mongo.findOne(mine, SessionFeedback.class)
                            .map(stored -> new Shared(stored, result.getModifiedCount() > 0 ? events : List.of())));
        });
    }

    /** A share's outcome: the check as stored now, and the events this share added to its outbox. */
    record Shared(SessionFeedback feedback, List<AttuneEvent> published) {}

    private static org.springframework.data.mongodb.core.query.Query range(UUID clientId, Instant from, Instant to) {
        var criteria = where("clientId").is(clientId);
        if (from != null || to != null) {
            Criteria at = where("recordedAt");
            if (from != null) {
                at = at.gte(from);
            }
            if (to != null) {
                at = at.lt(to);
            }
            criteria = new Criteria().andOperator(criteria, at);
        }
        return query(criteria);
    }
}
