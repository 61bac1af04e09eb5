package org.attune.content.privacy;

import java.util.List;
import java.util.UUID;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Removes everything this service holds about an account, as client or as therapist. Idempotent. */
@Component
public class AccountErasure {

    /** Collection and the fields that name an account in it. */
    record Owned(String collection, List<String> fields) {}

    static final List<Owned> OWNED = List.of(
            new Owned("engagements", List.of("clientId")),
            new Owned("recommendations", List.of("clientId")),
            new Owned("assignments", List.of("clientId", "therapistId")),
            new Owned("access_log", List.of("clientId", "therapistId")),
            new Owned("consent_grants", List.of("clientId", "therapistId")));

    private final ReactiveMongoTemplate mongo;

    AccountErasure(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Mono<Void> erase(UUID accountId) {
        String id = accountId.toString();
        return Flux.fromIterable(OWNED)
                .concatMap(owned -> Flux.fromIterable(owned.fields())
                        .concatMap(field ->
                                mongo.remove(Query.query(Criteria.where(field).is(id)), owned.collection())))
                .then();
    }
}
