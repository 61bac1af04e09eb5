package org.attune.kit.erasure;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.attune.events.Role;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Removes everything a service holds about an account: marks it erased first, so nothing about it is re-created
 * while or after its data is deleted, then runs every {@link AccountDataEraser} of the service. Idempotent.
 */
public class Erasure {

    private final ErasedAccounts erasedAccounts;
    private final List<AccountDataEraser> erasers;

    Erasure(ErasedAccounts erasedAccounts, List<AccountDataEraser> erasers) {
        this.erasedAccounts = erasedAccounts;
        this.erasers = List.copyOf(erasers);
    }

    public Mono<Void> erase(UUID accountId, Role role, Instant erasedAt) {
        return erasedAccounts.mark(accountId, erasedAt).then(eraseData(accountId, role));
    }

    /** Runs the erasers again for an account already marked (a late event wrote something meanwhile). */
    Mono<Void> eraseData(UUID accountId, Role role) {
        return Flux.fromIterable(erasers)
                .concatMap(eraser -> eraser.erase(accountId, role))
                .then();
    }
}
