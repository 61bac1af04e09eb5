package org.attune.content.privacy;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.List;
import java.util.UUID;
import org.attune.content.reflection.ReflectionAnswer;
import org.attune.events.Role;
import org.attune.kit.erasure.AccountDataEraser;
import org.attune.kit.outbox.Outbox;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * This service's own collections and what erasure does to them (the kit erases the consent grants and the access log
 * it keeps). An erased client's engagements, recommendations, assignments and written reflection answers go. An erased therapist's assignments
 * stay with their client, who was asked to do something and may have done it, but without the therapist's id, and
 * any of their events still waiting in the outbox (which name the therapist) are dropped unsent.
 */
@Component
class ContentAccountData implements AccountDataEraser {

    /** Collections holding a client's data, by {@code clientId}. */
    static final List<String> CLIENT_COLLECTIONS =
            List.of("engagements", "recommendations", "assignments", ReflectionAnswer.COLLECTION);

    private final ReactiveMongoTemplate mongo;

    ContentAccountData(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Mono<Void> erase(UUID accountId, Role role) {
        // Both, whatever the role: ids are unique, and an erasure must not depend on the role being right.
        String id = accountId.toString();
        return Flux.fromIterable(CLIENT_COLLECTIONS)
                .concatMap(collection -> mongo.remove(query(where("clientId").is(id)), collection))
                .then(mongo.updateMulti(
                        query(where("therapistId").is(id)),
                        new Update().unset("therapistId").set(Outbox.FIELD + ".events", List.of()),
                        "assignments"))
                .then();
    }
}
