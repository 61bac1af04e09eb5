package org.attune.kit.erasure;

import org.attune.events.AttuneEvent;
import org.attune.events.Role;
import org.attune.kit.messaging.AppliedEvents;
import reactor.core.publisher.Mono;

/**
 * The one way a service applies an event it consumed: once per event id, and never for an erased account. An event
 * that raced the erasure (checked before, erased while applying) is followed by the erasure running again, so what it
 * wrote goes too.
 */
public class ConsumedEvents {

    private final AppliedEvents appliedEvents;
    private final ErasedAccounts erasedAccounts;
    private final Erasure erasure;

    ConsumedEvents(AppliedEvents appliedEvents, ErasedAccounts erasedAccounts, Erasure erasure) {
        this.appliedEvents = appliedEvents;
        this.erasedAccounts = erasedAccounts;
        this.erasure = erasure;
    }

    /** Emits true when the event was applied now; false for a repeat or an event about an erased account. */
    public Mono<Boolean> applyOnce(AttuneEvent event, String topic, Mono<?> apply) {
        return erasedAccounts.anyErased(event.clientId()).flatMap(erased -> {
            if (erased) {
                return appliedEvents.firstTime(event.eventId(), topic).thenReturn(false);
            }
            return appliedEvents
                    .applyOnce(event.eventId(), topic, apply)
                    .flatMap(applied -> erasedAccounts
                            .anyErased(event.clientId())
                            .flatMap(erasedMeanwhile -> erasedMeanwhile
                                    ? erasure.eraseData(event.clientId(), Role.CLIENT)
                                            .thenReturn(applied)
                                    : Mono.just(applied)));
        });
    }
}
