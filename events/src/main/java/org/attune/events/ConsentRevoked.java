package org.attune.events;

import java.time.Instant;
import java.util.UUID;

/** A consent stopped applying; the therapist loses access to everything it shared. */
public record ConsentRevoked(
        UUID eventId,
        Instant occurredAt,
        int schemaVersion,
        UUID clientId,
        UUID consentId,
        UUID therapistId,
        ConsentEndReason reason)
        implements AttuneEvent {

    public ConsentRevoked {
        Require.header(eventId, occurredAt, schemaVersion, clientId);
        Require.nonNull(consentId, "consentId");
        Require.nonNull(therapistId, "therapistId");
        Require.nonNull(reason, "reason");
    }

    public static ConsentRevoked of(UUID clientId, UUID consentId, UUID therapistId, ConsentEndReason reason) {
        return new ConsentRevoked(
                UUID.randomUUID(),
                Instant.now(),
                AttuneEvent.CURRENT_SCHEMA_VERSION,
                clientId,
                consentId,
                therapistId,
                reason);
    }

    /**
     * {@code clientId:therapistId}, the same key as {@link ConsentGranted#kafkaKey()}, so compaction keeps only the
     * latest state of the pair; an erasure writes a tombstone under this key once the final revocation is acknowledged.
     */
    @Override
    public String kafkaKey() {
        return Topics.consentKey(clientId(), therapistId());
    }
}
