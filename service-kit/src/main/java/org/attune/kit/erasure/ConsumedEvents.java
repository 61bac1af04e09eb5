package org.attune.kit.erasure;

import java.util.UUID;
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
        return applyOnce(event.eventId(), event.clientId(), null, topic, apply);
    }

    /**
     * The same for a reaction that also writes something for a therapist (a notice to them), or for a second
     * reaction to an event the kit already applies by its id (the consent projection): {@code dedupeId} keeps this
     * reaction's mark apart, and the event is skipped when the client or the therapist (if any) is erased.
     */
    public Mono<Boolean> applyOnce(UUID dedupeId, UUID clientId, UUID therapistId, String topic, Mono<?> apply) {
        return erasedAccounts.anyErased(clientId, therapistId).flatMap(erased -> {
            if (erased) {
                return appliedEvents.firstTime(dedupeId, topic).thenReturn(false);
            }
            return appliedEvents
                    .applyOnce(dedupeId, topic, apply)
                    .flatMap(applied -> eraseAgainIfErased(clientId, Role.CLIENT)
                            .then(eraseAgainIfErased(therapistId, Role.THERAPIST))
                            .thenReturn(applied));
        });
    }

    private Mono<Void> eraseAgainIfErased(UUID accountId, Role role) {
        if (accountId == null) {
            return Mono.empty();
        }
        return erasedAccounts
                .anyErased(accountId)
                .flatMap(erasedMeanwhile -> erasedMeanwhile ? erasure.eraseData(accountId, role) : Mono.empty());
    }
}
