package org.attune.notification.dispatch;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.attune.kit.outbox.Outbox;
import org.attune.kit.outbox.OutboxCollections;
import org.attune.notification.sessions.SessionSchedules;
import org.attune.notification.store.NotificationStore;
import org.bson.Document;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The collections whose documents carry the events they still have to publish (the kit relay publishes them): a
 * delivered notification its {@code NotificationDelivered}, a session schedule its {@code SessionScheduled}.
 */
@Configuration(proxyBeanMethods = false)
class Outboxes {

    static final List<String> COLLECTIONS = List.of(NotificationStore.COLLECTION, SessionSchedules.COLLECTION);

    @Bean
    OutboxCollections outboxCollections() {
        return new OutboxCollections(COLLECTIONS);
    }

    /**
     * Documents stored before the kit kept their pending events in a plain {@code outbox} array, which the relay does
     * not see and an append cannot extend: once, at start, they get the kit's shape, due at once.
     */
    static Mono<Void> adoptLegacy(ReactiveMongoTemplate mongo, Instant now) {
        return Flux.fromIterable(COLLECTIONS)
                .concatMap(collection -> mongo.updateMulti(
                                query(where(Outbox.FIELD).size(0)), new Update().unset(Outbox.FIELD), collection)
                        .thenMany(
                                mongo.find(query(where(Outbox.FIELD + ".0").exists(true)), Document.class, collection))
                        .concatMap(legacy -> mongo.updateFirst(
                                query(where("_id")
                                        .is(legacy.get("_id"))
                                        .and(Outbox.FIELD + ".0")
                                        .exists(true)),
                                new Update()
                                        .set(
                                                Outbox.FIELD,
                                                new Document("events", legacy.getList(Outbox.FIELD, String.class))
                                                        .append("dueAt", Date.from(now))),
                                collection)))
                .then();
    }
}
