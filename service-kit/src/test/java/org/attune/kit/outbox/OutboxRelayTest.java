package org.attune.kit.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.attune.events.AttuneEvent;
import org.attune.events.CheckInRecorded;
import org.attune.events.WindowOfTolerance;
import org.attune.kit.messaging.EventPublisher;
import org.attune.testsupport.MutableClock;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * The relay clears published events in batches, and only after the broker acknowledged them: a failed publish or a
 * crash before the clean-up write leaves the events for the sweep, which publishes them again (same event ids).
 */
class OutboxRelayTest {

    private static final String COLLECTION = "items";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-06T20:00:00Z"));
    private final MemoryOutboxes store = new MemoryOutboxes(clock);
    private final List<AttuneEvent> acknowledged = Collections.synchronizedList(new ArrayList<>());
    private final AtomicBoolean brokerDown = new AtomicBoolean();

    private OutboxRelay relay() {
        var publisher = mock(EventPublisher.class);
        when(publisher.publish(any()))
                .thenAnswer(call -> Mono.defer(() -> {
                    if (brokerDown.get()) {
                        return Mono.error(new IllegalStateException("broker unavailable"));
                    }
                    acknowledged.add(call.getArgument(0));
                    return Mono.<Void>empty();
                }));
        var properties = new OutboxProperties(true, Duration.ofHours(1), Duration.ofSeconds(30), 200);
        return OutboxRelay.over(
                store, publisher, clock, properties, List.of(OutboxCollections.of(COLLECTION)), List.of());
    }

    @Test
    void published_events_leave_their_outboxes_in_one_write_per_batch_not_one_per_document() throws Exception {
        var relay = relay();
        store.holdClears();
        var ids = new ArrayList<String>();
        for (int i = 0; i < 50; i++) {
            var outbox = Outbox.of(clock.instant(), List.of(checkIn()));
            var id = store.insert(outbox);
            ids.add(id);
            relay.publishSoon(COLLECTION, id, outbox);
            if (i == 0) {
                // the first clean-up write is under way (held); the other 49 acknowledgements queue behind it
                assertThat(store.clearStarted.await(10, TimeUnit.SECONDS)).isTrue();
            }
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> acknowledged.size() == 50);
        store.releaseClears();

        await().atMost(Duration.ofSeconds(10)).until(() -> ids.stream().allMatch(store::empty));
        assertThat(acknowledged).hasSize(50);
        assertThat(acknowledged.stream().map(AttuneEvent::eventId).distinct()).hasSize(50);
        assertThat(store.clearWrites.get())
                .as("clean-up writes for 50 documents")
                .isEqualTo(2);
        assertThat(store.documents()).isEqualTo(50);
    }

    @Test
    void an_event_the_broker_did_not_acknowledge_stays_in_its_outbox_until_a_sweep_publishes_it() {
        var relay = relay();
        var outbox = Outbox.of(clock.instant(), List.of(checkIn()));
        var id = store.insert(outbox);
        brokerDown.set(true);

        relay.publishNow(COLLECTION, id, outbox.events()).block(Duration.ofSeconds(10));
        assertThat(store.events(id)).as("nothing acknowledged, nothing cleared").hasSize(1);
        assertThat(store.clearWrites.get()).isZero();

        brokerDown.set(false);
        assertThat(relay.sweepOnce().block(Duration.ofSeconds(10)))
                .as("within the grace the writer's publish is not duplicated")
                .isZero();
        clock.advance(Outbox.GRACE.plusSeconds(1));
        assertThat(relay.sweepOnce().block(Duration.ofSeconds(10))).isEqualTo(1);

        assertThat(acknowledged).hasSize(1);
        assertThat(store.empty(id)).isTrue();
        assertThat(relay.sweepOnce().block(Duration.ofSeconds(10))).isZero();
        assertThat(acknowledged).hasSize(1);
    }

    @Test
    void a_crash_between_publish_and_clean_up_publishes_the_same_event_again_and_loses_nothing() {
        var outbox = Outbox.of(clock.instant(), List.of(checkIn(), checkIn()));
        var id = store.insert(outbox);
        store.failClears.set(true); // the process dies before its clean-up write reaches the store

        relay().publishNow(COLLECTION, id, outbox.events()).block(Duration.ofSeconds(10));
        assertThat(acknowledged).hasSize(2);
        assertThat(store.events(id)).as("acknowledged, but not cleared").hasSize(2);

        store.failClears.set(false);
        var restarted = relay();
        clock.advance(Outbox.GRACE.plusSeconds(1));
        assertThat(restarted.sweepOnce().block(Duration.ofSeconds(10))).isEqualTo(1);

        assertThat(acknowledged).as("each event published twice").hasSize(4);
        assertThat(acknowledged.stream().map(AttuneEvent::eventId).distinct())
                .as("with the same event ids, which consumers skip")
                .hasSize(2);
        assertThat(store.empty(id)).isTrue();
        assertThat(store.documents()).isEqualTo(1);
    }

    @Test
    void events_appended_while_the_first_ones_went_out_stay_for_the_next_round() {
        var relay = relay();
        var outbox = Outbox.of(clock.instant(), List.of(checkIn()));
        var id = store.insert(outbox);
        var appended = checkIn();
        store.append(id, org.attune.events.EventJson.write(appended));

        relay.publishNow(COLLECTION, id, outbox.events()).block(Duration.ofSeconds(10));

        assertThat(store.events(id)).containsExactly(org.attune.events.EventJson.write(appended));
        relay.publishSoon(COLLECTION, id, List.of(appended));
        await().atMost(Duration.ofSeconds(10)).until(() -> store.empty(id));
        assertThat(acknowledged).hasSize(2);
    }

    private static CheckInRecorded checkIn() {
        return CheckInRecorded.of(
                UUID.randomUUID(),
                UUID.randomUUID(),
                6,
                WindowOfTolerance.WITHIN,
                List.of("calm"),
                6,
                7.5,
                List.of(),
                false,
                LocalDate.of(2026, 12, 6));
    }

    /** Outboxes in memory, with the store's conditions; counts clean-up writes and can hold or fail them. */
    static final class MemoryOutboxes implements OutboxStore {

        private final MutableClock clock;
        private final Map<String, Doc> docs = new LinkedHashMap<>();
        final AtomicInteger clearWrites = new AtomicInteger();
        final AtomicBoolean failClears = new AtomicBoolean();
        final CountDownLatch clearStarted = new CountDownLatch(1);
        private volatile Sinks.Empty<Void> hold = released();

        MemoryOutboxes(MutableClock clock) {
            this.clock = clock;
        }

        private static final class Doc {
            final List<String> events = new ArrayList<>();
            Instant dueAt;
        }

        synchronized String insert(Outbox outbox) {
            var id = UUID.randomUUID().toString();
            var doc = new Doc();
            doc.events.addAll(outbox.events());
            doc.dueAt = outbox.dueAt();
            docs.put(id, doc);
            return id;
        }

        synchronized void append(String id, String event) {
            docs.get(id).events.add(event);
            docs.get(id).dueAt = clock.instant().plus(Outbox.GRACE);
        }

        synchronized List<String> events(String id) {
            return List.copyOf(docs.get(id).events);
        }

        synchronized boolean empty(Object id) {
            return docs.get(id).events.isEmpty();
        }

        synchronized int documents() {
            return docs.size();
        }

        private static Sinks.Empty<Void> released() {
            Sinks.Empty<Void> sink = Sinks.empty();
            sink.tryEmitEmpty();
            return sink;
        }

        void holdClears() {
            hold = Sinks.empty();
        }

        void releaseClears() {
            hold.tryEmitEmpty();
        }

        @Override
        public Mono<Void> indexDueTimes(String collection) {
            return Mono.empty();
        }

        @Override
        public synchronized Flux<Object> due(String collection, Instant now, int limit) {
            return Flux.fromIterable(docs.entrySet().stream()
                    .filter(e -> !e.getValue().events.isEmpty()
                            && !e.getValue().dueAt.isAfter(now))
                    .limit(limit)
                    .map(e -> (Object) e.getKey())
                    .toList());
        }

        @Override
        public Mono<List<String>> claim(String collection, Object id, Instant now, Instant until, String claimant) {
            return Mono.fromCallable(() -> {
                synchronized (this) {
                    var doc = docs.get(id);
                    if (doc == null || doc.events.isEmpty() || doc.dueAt.isAfter(now)) {
                        return null;
                    }
                    doc.dueAt = until;
                    return List.copyOf(doc.events);
                }
            });
        }

        @Override
        public Mono<Void> removeAll(String collection, List<Object> ids, List<String> events, Instant publishedAt) {
            // held without blocking a thread: the relay's other work shares the scheduler's workers
            return Mono.defer(() -> {
                        clearStarted.countDown();
                        return hold.asMono();
                    })
                    .then(Mono.fromRunnable(() -> {
                        if (failClears.get()) {
                            throw new IllegalStateException("store unavailable");
                        }
                        clearWrites.incrementAndGet();
                        synchronized (this) {
                            ids.forEach(id -> docs.get(id).events.removeAll(events));
                        }
                    }));
        }
    }
}
