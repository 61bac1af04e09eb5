package org.attune.notification.sessions;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Data-rights access to the schedules set through this service. */
@Component
public class SessionSchedules {

    public static final String COLLECTION = "session_schedules";

    private final ReactiveMongoTemplate mongo;

    SessionSchedules(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Flux<Document> forClient(String clientId) {
        var query = Query.query(where("_id").is(clientId));
        query.fields().exclude("outbox");
        return mongo.find(query, Document.class, COLLECTION);
    }

    /** A client's schedule goes; a therapist's id leaves the schedules they set (the rhythm stays the client's). */
    public Mono<Void> erase(String accountId) {
        return mongo.remove(Query.query(where("_id").is(accountId)), COLLECTION)
                .then(mongo.updateMulti(
                        Query.query(where("therapistId").is(accountId)), new Update().unset("therapistId"), COLLECTION))
                .then(mongo.updateMulti(
                        Query.query(where("scheduledBy").is(accountId)), new Update().unset("scheduledBy"), COLLECTION))
                .then();
    }
}
