package org.attune.events;

/** Why a consent stopped applying; consumers drop shared data the same way for each. */
public enum ConsentEndReason {
    REVOKED_BY_CLIENT,
    EXPIRED,
    ACCOUNT_ERASED
}
