package org.attune.kit.outbox;

import org.attune.events.AttuneEvent;
import reactor.core.publisher.Mono;

/**
 * Something that must hold before an outbox event goes out (e.g. the document a therapist acts on when the event
 * alerts them). Runs on every publish attempt, so it must be idempotent.
 */
public interface OutboxListener {

    Mono<Void> beforePublish(AttuneEvent event);
}
