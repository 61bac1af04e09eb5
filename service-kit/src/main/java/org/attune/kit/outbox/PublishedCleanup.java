package org.attune.kit.outbox;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;

/**
 * Clears published events from their documents' outboxes, many documents per write. Events whose broker
 * acknowledgement arrives while a clean-up write is under way wait for the next one, so under load one write clears
 * a whole batch and an idle service still clears each event at once. An event is handed here only after the broker
 * acknowledged it; if the process dies before the write, the events stay and a sweep publishes them again (same event
 * ids, which consumers skip): a duplicate, never a loss.
 */
final class PublishedCleanup {

    private static final Logger log = LoggerFactory.getLogger(PublishedCleanup.class);

    private final OutboxStore store;
    private final Clock clock;
    private final int maxDocuments;
    private final List<Published> queued = new ArrayList<>();
    private boolean writing;

    PublishedCleanup(OutboxStore store, Clock clock, int maxDocuments) {
        this.store = store;
        this.clock = clock;
        this.maxDocuments = maxDocuments;
    }

    /** Completes once a write cleared these events of the document; fails if that write failed. */
    Mono<Void> clear(String collection, Object id, List<String> events) {
        return Mono.defer(() -> {
            var published = new Published(collection, id, events, Sinks.empty());
            boolean start;
            synchronized (this) {
                queued.add(published);
                start = !writing;
                writing = true;
            }
            if (start) {
                writeNext();
            }
            return published.done().asMono();
        });
    }

    private void writeNext() {
        List<Published> batch;
        synchronized (this) {
            if (queued.isEmpty()) {
                writing = false;
                return;
            }
            int size = Math.min(queued.size(), maxDocuments);
            batch = new ArrayList<>(queued.subList(0, size));
            queued.subList(0, size).clear();
        }
        var byCollection = new LinkedHashMap<String, List<Published>>();
        for (var published : batch) {
            byCollection
                    .computeIfAbsent(published.collection(), c -> new ArrayList<>())
                    .add(published);
        }
        // Off the caller's thread: the blocking store (web-ui) runs the write on subscription.
        Flux.fromIterable(byCollection.entrySet())
                .concatMap(entry -> write(entry.getKey(), entry.getValue()))
                .subscribeOn(Schedulers.boundedElastic())
                .doFinally(signal -> writeNext())
                .subscribe();
    }

    private Mono<Void> write(String collection, List<Published> batch) {
        var ids = new LinkedHashSet<>();
        var events = new LinkedHashSet<String>();
        for (var published : batch) {
            ids.add(published.id());
            events.addAll(published.events());
        }
        return store.removeAll(collection, List.copyOf(ids), List.copyOf(events), clock.instant())
                .doOnSuccess(done -> batch.forEach(p -> p.done().tryEmitEmpty()))
                .onErrorResume(e -> {
                    log.warn(
                            "Clearing {} published {} outboxes failed; a sweep publishes them again: {}",
                            batch.size(),
                            collection,
                            e.getClass().getSimpleName());
                    batch.forEach(p -> p.done().tryEmitError(e));
                    return Mono.empty();
                });
    }

    private record Published(String collection, Object id, List<String> events, Sinks.Empty<Void> done) {}
}
