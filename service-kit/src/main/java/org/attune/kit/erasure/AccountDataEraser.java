package org.attune.kit.erasure;

import java.util.UUID;
import org.attune.events.Role;
import reactor.core.publisher.Mono;

/**
 * One part of a service's data about an account, and how to remove it. {@link Erasure} runs every one of them after
 * marking the account erased; each must be idempotent (erasure runs again when a late event raced it).
 */
public interface AccountDataEraser {

    Mono<Void> erase(UUID accountId, Role role);
}
