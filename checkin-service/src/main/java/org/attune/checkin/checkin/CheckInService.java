package org.attune.checkin.checkin;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.attune.events.AttuneEvent;
import org.attune.events.CheckInRecorded;
import org.attune.kit.outbox.Outbox;
import org.attune.kit.outbox.OutboxRelay;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

@Service
class CheckInService {

    private final CheckInStore store;
    private final OutboxRelay relay;
    private final Clock clock;

    CheckInService(CheckInStore store, OutboxRelay relay, Clock clock) {
        this.store = store;
        this.relay = relay;
        this.clock = clock;
    }

    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    /**
     * Records a check-in; emits the stored one and whether it was stored just now (false for a retried key). The
     * stored check-in is about {@code valid.recordedAt()} (possibly backdated); its event occurs now.
     */
    Mono<Recorded> record(UUID clientId, CheckInRequest valid, String idempotencyKey) {
        var now = now();
        // With a key, the id is derived from (client, key): a retry collides on _id, the one unique index every
        // MongoDB-protocol server enforces, and gets the first check-in back.
        var id = idempotencyKey == null
                ? UUID.randomUUID()
                : UUID.nameUUIDFromBytes((clientId + ":" + idempotencyKey).getBytes(StandardCharsets.UTF_8));
        var event = new CheckInRecorded(
                UUID.randomUUID(),
                now,
                AttuneEvent.CURRENT_SCHEMA_VERSION,
                clientId,
                id,
                valid.mood(),
                valid.window(),
                valid.emotions(),
                valid.energy(),
                valid.sleepHours(),
                valid.tags(),
                valid.note() != null,
                valid.localDate());
        var checkIn = new CheckIn(
                id.toString(),
                clientId,
                valid.recordedAt(),
                valid.localDate(),
                valid.mood(),
                valid.window(),
                valid.emotions(),
                valid.energy(),
                valid.sleepHours(),
                valid.tags(),
                valid.note(),
                idempotencyKey,
                Outbox.of(now, List.of(event)));
        return store.insert(checkIn)
                // The driver queues every operation for a connection under a lock (DefaultConnectionPool
                // .AsyncWorkManager); under load the event loop parked there for up to 87 ms (JFR), stalling every
                // request on that loop. A worker takes the queueing; the event loop only relays the answer.
                .subscribeOn(Schedulers.boundedElastic())
                .doOnNext(stored -> relay.publishSoon(CheckIn.COLLECTION, stored.id(), stored.outbox()))
                .map(stored -> new Recorded(stored, true))
                .onErrorResume(
                        DuplicateKeyException.class,
                        retry -> store.byId(id.toString())
                                .filter(first -> first.clientId().equals(clientId))
                                .map(first -> new Recorded(first, false)));
    }

    Mono<CheckInPage> list(UUID clientId, LocalDate from, LocalDate to, int page, int size) {
        return store.count(clientId, from, to)
                .zipWith(store.page(clientId, from, to, page, size)
                        .map(CheckInView::own)
                        .collectList())
                .map(t -> new CheckInPage(t.getT2(), page, size, t.getT1()));
    }

    record Recorded(CheckIn checkIn, boolean created) {}
}
