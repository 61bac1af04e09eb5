package org.attune.notification.dispatch;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Duration;
import java.util.List;
import org.attune.events.EventJson;
import org.attune.notification.messaging.EventPublisher;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Publishes the events stored inside documents ({@code outbox} arrays) and removes each once the broker acknowledged
 * it. A crash between the two republishes the same event (same eventId) later, which consumers skip; nothing is lost.
 */
@Component
public class OutboxRelay {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    /** Collections whose documents carry an {@code outbox}. */
    public static final List<String> COLLECTIONS = List.of("notifications", "session_schedules");

    private final ReactiveMongoTemplate mongo;
    private final EventPublisher publisher;

    OutboxRelay(ReactiveMongoTemplate mongo, EventPublisher publisher) {
        this.mongo = mongo;
        this.publisher = publisher;
    }

    /** Publishes up to {@code limit} documents' pending events per collection; emits how many events it published. */
    public int relay(int limit) {
        Long published = Flux.fromIterable(COLLECTIONS)
                .concatMap(collection -> relay(collection, limit))
                .reduce(0L, Long::sum)
                .block(Duration.ofMinutes(5));
        return published == null ? 0 : published.intValue();
    }

    private Mono<Long> relay(String collection, int limit) {
        var query = Query.query(where("outbox.0").exists(true)).limit(limit);
        query.fields().include("outbox");
        return mongo.find(query, Document.class, collection)
                .flatMap(
                        doc -> Flux.fromIterable(doc.getList("outbox", String.class))
                                .concatMap(json -> publishOne(collection, doc.get("_id"), json)),
                        32)
                .count();
    }

    private Mono<Boolean> publishOne(String collection, Object id, String json) {
        return publisher
                .publish(EventJson.read(json))
                .then(mongo.updateFirst(
                        Query.query(where("_id").is(id)), new Update().pull("outbox", json), collection))
                .thenReturn(true)
                .onErrorResume(e -> {
                    log.warn(
                            "Could not publish a stored event yet ({}); will retry",
                            e.getClass().getSimpleName());
                    return Mono.empty();
                });
    }
}
