package org.attune.events;

import java.time.Instant;
import java.util.UUID;

/** A scheduled measure stopped for good: the client declined it, or the grant for instrument scores ended. */
public record MeasureStopped(
        UUID eventId, Instant occurredAt, int schemaVersion, UUID clientId, UUID assignmentId, MeasureStopReason reason)
        implements AttuneEvent {

    public MeasureStopped {
        Require.header(eventId, occurredAt, schemaVersion, clientId);
        Require.nonNull(assignmentId, "assignmentId");
        Require.nonNull(reason, "reason");
    }

    public static MeasureStopped of(UUID clientId, UUID assignmentId, MeasureStopReason reason) {
        return new MeasureStopped(
                UUID.randomUUID(), Instant.now(), AttuneEvent.CURRENT_SCHEMA_VERSION, clientId, assignmentId, reason);
    }
}
