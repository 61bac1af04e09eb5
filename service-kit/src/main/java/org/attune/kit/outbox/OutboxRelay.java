package org.attune.kit.outbox;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.attune.events.AttuneEvent;
import org.attune.events.EventJson;
import org.attune.kit.messaging.EventPublisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Publishes the events stored in documents' outboxes. Right after a store, the writing instance publishes that
 * document's events; after the grace period a sweep takes over whatever is still there (a crash, a broker outage).
 * A sweeping instance first claims a document (one conditional single-document write that moves its due time a lease
 * ahead), so with N instances each stored event is published once in the normal path. Only a crash or a lease that
 * ran out mid-publish publishes again, with the same event id, which every consumer skips.
 *
 * <p>Published events leave the outbox through {@link PublishedCleanup}: one write per batch of documents, never
 * before the broker acknowledged them. The sweep is for leftovers only (they are at least {@link Outbox#GRACE} old),
 * so it runs seldom; every sweep reads the outbox collections, which a store without secondary indexes scans whole.
 */
public class OutboxRelay {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private final OutboxStore store;
    private final EventPublisher publisher;
    private final Clock clock;
    private final OutboxProperties properties;
    private final List<String> collections;
    private final List<OutboxListener> listeners;
    private final String instance;
    private final PublishedCleanup cleanup;

    OutboxRelay(
            ReactiveMongoTemplate mongo,
            EventPublisher publisher,
            Clock clock,
            OutboxProperties properties,
            List<OutboxCollections> collections,
            List<OutboxListener> listeners) {
        this(new ReactiveOutboxStore(mongo), publisher, clock, properties, collections, listeners);
    }

    /** The relay over another store (web-ui's blocking driver). */
    public static OutboxRelay over(
            OutboxStore store,
            EventPublisher publisher,
            Clock clock,
            OutboxProperties properties,
            List<OutboxCollections> collections,
            List<OutboxListener> listeners) {
        return new OutboxRelay(store, publisher, clock, properties, collections, listeners);
    }

    private OutboxRelay(
            OutboxStore store,
            EventPublisher publisher,
            Clock clock,
            OutboxProperties properties,
            List<OutboxCollections> collections,
            List<OutboxListener> listeners) {
        this.store = store;
        this.publisher = publisher;
        this.clock = clock;
        this.properties = properties;
        this.collections =
                collections.stream().flatMap(c -> c.names().stream()).distinct().toList();
        this.listeners = List.copyOf(listeners);
        this.cleanup = new PublishedCleanup(store, clock, properties.batch());
        this.instance = ManagementFactory.getRuntimeMXBean().getName() + "/"
                + UUID.randomUUID().toString().substring(0, 8);
        for (String collection : this.collections) {
            store.indexDueTimes(collection).onErrorResume(e -> Mono.empty()).subscribe();
        }
    }

    public List<String> collections() {
        return collections;
    }

    /** Publishes a just-stored document's events in the background; the sweep covers any failure. */
    public void publishSoon(String collection, Object id, Outbox outbox) {
        publishInBackground(collection, id, outbox.events());
    }

    /** The same for events just appended with {@link Outbox#append}. */
    public void publishSoon(String collection, Object id, List<? extends AttuneEvent> events) {
        publishInBackground(
                collection, id, events.stream().map(EventJson::write).toList());
    }

    private void publishInBackground(String collection, Object id, List<String> events) {
        if (!properties.relayEnabled() || events.isEmpty()) {
            return;
        }
        publishNow(collection, id, events)
                .subscribeOn(Schedulers.boundedElastic())
                .subscribe();
    }

    /** Publishes now and completes when done; a failure is logged and left to the sweep. */
    public Mono<Void> publishNow(String collection, Object id, List<String> events) {
        if (!properties.relayEnabled() || events.isEmpty()) {
            return Mono.empty();
        }
        return publish(collection, id, events).onErrorResume(e -> {
            log.warn(
                    "Outbox publish of a {} document failed; the sweep retries: {}",
                    collection,
                    e.getClass().getSimpleName());
            return Mono.empty();
        });
    }

    private Mono<Void> publish(String collection, Object id, List<String> events) {
        return Flux.fromIterable(events)
                .concatMap(json -> {
                    AttuneEvent event = EventJson.read(json);
                    return Flux.fromIterable(listeners)
                            .concatMap(listener -> listener.beforePublish(event))
                            .then(publisher.publish(event))
                            .thenMany(Flux.fromIterable(listeners))
                            .concatMap(listener -> listener.afterPublish(collection, id, event))
                            .then();
                })
                // Only after every acknowledgement: exactly what went out, events appended meanwhile stay.
                .then(cleanup.clear(collection, id, events));
    }

    /** One sweep over every outbox collection; emits how many documents this instance published. */
    public Mono<Long> sweepOnce() {
        if (!properties.relayEnabled()) {
            return Mono.just(0L);
        }
        var now = clock.instant();
        return Flux.fromIterable(collections)
                .concatMap(collection -> store.due(collection, now, properties.batch())
                        .concatMap(id -> claim(collection, id).map(events -> new Claimed(id, events)))
                        .concatMap(claimed -> publish(collection, claimed.id(), claimed.events())
                                .thenReturn(1L)
                                .onErrorResume(e -> {
                                    log.warn(
                                            "Outbox publish failed for a {} document: {}",
                                            collection,
                                            e.getClass().getSimpleName());
                                    return Mono.just(0L);
                                })))
                .reduce(0L, Long::sum);
    }

    /** Takes the document for one lease if nobody holds it; empty when another instance was first. */
    private Mono<List<String>> claim(String collection, Object id) {
        var now = clock.instant();
        return store.claim(collection, id, now, now.plus(properties.lease()), instance);
    }

    private record Claimed(Object id, List<String> events) {}

    /** The scheduled sweep; a failed round is retried on the next one. Returns how many documents it published. */
    long sweep() {
        try {
            var published = sweepOnce().block();
            return published == null ? 0 : published;
        } catch (RuntimeException e) {
            log.warn(
                    "Outbox sweep failed, retrying on the next round: {}",
                    e.getClass().getSimpleName());
            return 0;
        }
    }
}
