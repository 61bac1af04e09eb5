package org.attune.kit.outbox;

import org.attune.events.AttuneEvent;
import reactor.core.publisher.Mono;

/**
 * What must hold before an outbox event goes out (e.g. the document a therapist acts on when the event alerts them),
 * and what follows once the broker acknowledged it (e.g. a grant becomes active once the services are told). Both run
 * on every publish attempt, so they must be idempotent; a failure leaves the event for the next attempt.
 */
public interface OutboxListener {

    default Mono<Void> beforePublish(AttuneEvent event) {
        return Mono.empty();
    }

    /** After the broker acknowledged {@code event} from the document {@code id} of {@code collection}. */
    default Mono<Void> afterPublish(String collection, Object id, AttuneEvent event) {
        return Mono.empty();
    }
}
