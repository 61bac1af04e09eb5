package org.attune.checkin.outbox;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.util.List;
import org.attune.checkin.messaging.EventPublisher;
import org.attune.events.EventJson;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Publishes the events stored in documents' outboxes. Right after a store it publishes that document's events;
 * a sweep publishes whatever is still pending after the grace period (a crash, a broker outage). A repeated publish
 * is harmless: every consumer skips event ids it has applied.
 */
@Component
public class OutboxRelay {

    /** Collections whose documents carry an {@code outbox}. */
    public static final List<String> COLLECTIONS =
            List.of("checkins", "questionnaire_responses", "session_feedback", "safety_flags");

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final int SWEEP_BATCH = 200;

    private final ReactiveMongoTemplate mongo;
    private final EventPublisher publisher;
    private final Clock clock;
    private final boolean enabled;
    private final List<OutboxListener> listeners;

    OutboxRelay(
            ReactiveMongoTemplate mongo,
            EventPublisher publisher,
            Clock clock,
            List<OutboxListener> listeners,
            @org.springframework.beans.factory.annotation.Value("${attune.outbox.relay-enabled:true}")
                    boolean enabled) {
        this.mongo = mongo;
        this.publisher = publisher;
        this.clock = clock;
        this.enabled = enabled;
        this.listeners = List.copyOf(listeners);
        for (String collection : COLLECTIONS) {
            mongo.indexOps(collection)
                    .createIndex(new Index()
                            .on("outbox.pending", org.springframework.data.domain.Sort.Direction.ASC)
                            .on("outbox.dueAt", org.springframework.data.domain.Sort.Direction.ASC))
                    .onErrorResume(e -> Mono.empty())
                    .subscribe();
        }
    }

    /** Publishes a just-stored document's events in the background; the sweep covers any failure. */
    public void publishSoon(String collection, String id, Outbox outbox) {
        if (!enabled || !outbox.pending()) {
            return;
        }
        publish(collection, id, outbox.events())
                .subscribeOn(Schedulers.boundedElastic())
                .subscribe(
                        null,
                        e -> log.warn(
                                "Outbox publish of a {} document failed; the sweep retries: {}",
                                collection,
                                e.getClass().getSimpleName()));
    }

    Mono<Void> publish(String collection, Object id, List<String> events) {
        return Flux.fromIterable(events)
                .map(EventJson::read)
                .concatMap(event -> Flux.fromIterable(listeners)
                        .concatMap(listener -> listener.beforePublish(event))
                        .then(publisher.publish(event)))
                // By _id alone: the one index every MongoDB-protocol server uses; setting it twice is harmless.
                .then(mongo.updateFirst(
                                query(where("_id").is(id)),
                                new Update().set("outbox.pending", false).set("outbox.publishedAt", clock.instant()),
                                collection)
                        .then());
    }

    @Scheduled(
            fixedDelayString = "${attune.outbox.sweep-interval:1s}",
            initialDelayString = "${attune.outbox.sweep-initial-delay:1s}")
    void sweep() {
        if (!enabled) {
            return;
        }
        try {
            sweepOnce().block();
        } catch (RuntimeException e) {
            log.warn(
                    "Outbox sweep failed, retrying on the next round: {}",
                    e.getClass().getSimpleName());
        }
    }

    /** Publishes every pending outbox whose grace period is over; emits how many documents were published. */
    public Mono<Long> sweepOnce() {
        var now = clock.instant();
        return Flux.fromIterable(COLLECTIONS)
                .concatMap(collection -> mongo.find(
                                query(where("outbox.pending")
                                                .is(true)
                                                .and("outbox.dueAt")
                                                .lte(now))
                                        .limit(SWEEP_BATCH),
                                Document.class,
                                collection)
                        .concatMap(doc -> {
                            var outbox = doc.get("outbox", Document.class);
                            List<String> events = outbox.getList("events", String.class);
                            return publish(collection, doc.get("_id"), events)
                                    .thenReturn(1L)
                                    .onErrorResume(e -> {
                                        log.warn(
                                                "Outbox publish failed for a {} document: {}",
                                                collection,
                                                e.getClass().getSimpleName());
                                        return Mono.just(0L);
                                    });
                        }))
                .reduce(0L, Long::sum);
    }
}
