package org.attune.checkin.feedback;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
import java.util.UUID;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
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
        return mongo.find(query(criteria).with(Sort.by(Sort.Direction.ASC, "recordedAt")), SessionFeedback.class);
    }
}
