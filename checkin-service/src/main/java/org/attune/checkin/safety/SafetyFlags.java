package org.attune.checkin.safety;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.UUID;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/** Reads a client's help-now flags (export). */
@Component
public class SafetyFlags {

    private final ReactiveMongoTemplate mongo;

    SafetyFlags(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Flux<SafetyFlag> of(UUID clientId) {
        return mongo.find(
                query(where("clientId").is(clientId)).with(Sort.by(Sort.Direction.ASC, "raisedAt")), SafetyFlag.class);
    }
}
