package org.attune.events;

import java.time.Instant;
import java.util.UUID;

/** The client paused a scheduled measure (one tap, no reason asked); nothing becomes due until they resume it. */
public record MeasurePaused(UUID eventId, Instant occurredAt, int schemaVersion, UUID clientId, UUID assignmentId)
        implements AttuneEvent {

    public MeasurePaused {
        Require.header(eventId, occurredAt, schemaVersion, clientId);
        Require.nonNull(assignmentId, "assignmentId");
    }

    public static MeasurePaused of(UUID clientId, UUID assignmentId) {
        return new MeasurePaused(
                UUID.randomUUID(), Instant.now(), AttuneEvent.CURRENT_SCHEMA_VERSION, clientId, assignmentId);
    }
}
