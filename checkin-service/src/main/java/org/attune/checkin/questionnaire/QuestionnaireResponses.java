package org.attune.checkin.questionnaire;

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

/** Reads and writes questionnaire responses; the feature's API for progress and export. */
@Component
public class QuestionnaireResponses {

    private final ReactiveMongoTemplate mongo;

    QuestionnaireResponses(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
        mongo.indexOps(QuestionnaireResponse.COLLECTION)
                .createIndex(new Index()
                        .on("clientId", Sort.Direction.ASC)
                        .on("code", Sort.Direction.ASC)
                        .on("completedAt", Sort.Direction.DESC))
                .onErrorResume(e -> Mono.empty())
                .subscribe();
    }

    Mono<QuestionnaireResponse> insert(QuestionnaireResponse response) {
        return mongo.insert(response);
    }

    /** The client's last response to the instrument completed before {@code at} (a backdated one may have later). */
    Mono<QuestionnaireResponse> latestBefore(UUID clientId, String code, Instant at) {
        return mongo.findOne(
                query(where("clientId")
                                .is(clientId)
                                .and("code")
                                .is(code)
                                .and("completedAt")
                                .lt(at))
                        .with(Sort.by(Sort.Direction.DESC, "completedAt"))
                        .limit(1),
                QuestionnaireResponse.class);
    }

    /** A client's responses completed in [from, to), oldest first; null bounds are open. */
    public Flux<QuestionnaireResponse> of(UUID clientId, Instant from, Instant to) {
        var criteria = where("clientId").is(clientId);
        if (from != null || to != null) {
            Criteria at = where("completedAt");
            if (from != null) {
                at = at.gte(from);
            }
            if (to != null) {
                at = at.lt(to);
            }
            criteria = new Criteria().andOperator(criteria, at);
        }
        return mongo.find(
                query(criteria).with(Sort.by(Sort.Direction.ASC, "completedAt")), QuestionnaireResponse.class);
    }
}
