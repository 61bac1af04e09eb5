package org.attune.content.messaging;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.attune.events.AttuneEvent;
import org.attune.events.EventJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Publishes events waiting in an {@link Outbox} field: right after the write that stored them, and again on a
 * schedule for anything a crash or a broker outage left behind. Delivery is at least once; consumers de-duplicate
 * by event id.
 */
@Component
public class OutboxRelay {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    /** Collections whose documents may carry an outbox. */
    public static final List<String> COLLECTIONS = List.of("recommendations", "assignments");

    private final ReactiveMongoTemplate mongo;
    private final EventPublisher publisher;
    private final Clock clock;

    OutboxRelay(ReactiveMongoTemplate mongo, EventPublisher publisher, Clock clock) {
        this.mongo = mongo;
        this.publisher = publisher;
        this.clock = clock;
    }

    /** Publishes one document's pending event now; a failure is left for the scheduled relay. */
    public Mono<Void> publishNow(String collection, String id, AttuneEvent event) {
        return publisher.publish(event).then(markPublished(collection, id)).onErrorResume(e -> {
            log.warn(
                    "Event {} stays in the outbox of {} for the relay ({})",
                    event.eventId(),
                    collection,
                    e.getClass().getSimpleName());
            return Mono.empty();
        });
    }

    @Scheduled(fixedDelayString = "${attune.outbox.relay-interval:PT2S}")
    void relayPending() {
        Flux.fromIterable(COLLECTIONS)
                .concatMap(collection -> mongo.find(
                                Query.query(Criteria.where("outbox.published").is(false))
                                        .limit(200),
                                org.bson.Document.class,
                                collection)
                        .concatMap(document -> {
                            var outbox = document.get("outbox", org.bson.Document.class);
                            AttuneEvent event = EventJson.read(outbox.getString("event"));
                            return publisher
                                    .publish(event)
                                    .then(markPublished(collection, String.valueOf(document.get("_id"))));
                        }))
                .onErrorResume(e -> {
                    log.warn("Outbox relay will retry ({})", e.getClass().getSimpleName());
                    return Mono.empty();
                })
                .then()
                .block(Duration.ofSeconds(60));
    }

    private Mono<Void> markPublished(String collection, String id) {
        return mongo.updateFirst(
                        Query.query(Criteria.where("_id").is(id)),
                        new Update().set("outbox.published", true).set("outbox.publishedAt", clock.instant()),
                        collection)
                .then();
    }
}
