package org.attune.notification.sessions;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Data-rights access to the schedules set through this service. */
@Component
public class SessionSchedules {

    private final ReactiveMongoTemplate mongo;

    SessionSchedules(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Flux<Document> forClient(String clientId) {
        var query = Query.query(where("_id").is(clientId));
        query.fields().exclude("outbox");
        return mongo.find(query, Document.class, SessionScheduleController.COLLECTION);
    }

    public Mono<Long> erase(String accountId) {
        return mongo.remove(Query.query(where("_id").is(accountId)), SessionScheduleController.COLLECTION)
                .map(r -> r.getDeletedCount());
    }
}
