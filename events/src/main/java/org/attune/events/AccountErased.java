package org.attune.events;

import java.time.Instant;
import java.util.UUID;

/**
 * An account was erased; every service deletes what it holds about it. {@code clientId} is the erased account's id,
 * also when {@code role} is {@link Role#THERAPIST}, so the event partitions like the account's other events.
 */
public record AccountErased(UUID eventId, Instant occurredAt, int schemaVersion, UUID clientId, Role role)
        implements AttuneEvent {

    public AccountErased {
        Require.header(eventId, occurredAt, schemaVersion, clientId);
        Require.nonNull(role, "role");
    }

    public static AccountErased of(UUID accountId, Role role) {
        return new AccountErased(UUID.randomUUID(), Instant.now(), AttuneEvent.CURRENT_SCHEMA_VERSION, accountId, role);
    }
}
