package org.attune.webui.account;

import java.util.UUID;

/** Whether an operator has suspended an account (the one question token signing asks). */
@FunctionalInterface
public interface SuspendedAccounts {

    boolean isSuspended(UUID accountId);
}
