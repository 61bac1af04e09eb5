package org.attune.kit.outbox;

import java.time.Instant;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The four operations the relay needs, so the same relay runs over the reactive driver (the WebFlux
 * services) and the blocking one (web-ui, see {@code org.attune.kit.servlet}).
 */
public interface OutboxStore {

    /** An index on the due time, so a sweep need not read every document (where the store honours it). */
    Mono<Void> indexDueTimes(String collection);

    /** Ids of documents whose outbox still holds events and whose due time has passed; at most {@code limit}. */
    Flux<Object> due(String collection, Instant now, int limit);

    /**
     * Claims a due document: one conditional write that moves its due time to {@code until} and names the claimant,
     * only if it still holds events and is still due. Emits the events it holds, or nothing if another was first.
     */
    Mono<List<String>> claim(String collection, Object id, Instant now, Instant until, String claimant);

    /**
     * Removes these events from the outboxes of these documents in one write (each document holds only its own
     * events, so the union of a batch's events clears each of them; events appended meanwhile stay).
     */
    Mono<Void> removeAll(String collection, List<Object> ids, List<String> events, Instant publishedAt);
}
