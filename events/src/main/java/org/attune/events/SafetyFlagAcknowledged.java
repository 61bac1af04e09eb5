package org.attune.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A therapist acknowledged (saw and took up) a client's safety flag, for the first time: later acknowledgements of the
 * same flag publish nothing. Consumers stop escalating the alerts about it and can tell the client it was seen.
 *
 * @param flagId the {@link SafetyFlagRaised#flagId()} it acknowledges
 * @param therapistId who acknowledged it
 */
public record SafetyFlagAcknowledged(
        UUID eventId, Instant occurredAt, int schemaVersion, UUID clientId, UUID flagId, UUID therapistId)
        implements AttuneEvent {

    public SafetyFlagAcknowledged {
        Require.header(eventId, occurredAt, schemaVersion, clientId);
        Require.nonNull(flagId, "flagId");
        Require.nonNull(therapistId, "therapistId");
    }

    public static SafetyFlagAcknowledged of(UUID clientId, UUID flagId, UUID therapistId) {
        return new SafetyFlagAcknowledged(
                UUID.randomUUID(), Instant.now(), AttuneEvent.CURRENT_SCHEMA_VERSION, clientId, flagId, therapistId);
    }
}
