package org.attune.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** The client resumed a paused measure; {@code nextDue} is the first due date from then on (never one in the past). */
public record MeasureResumed(
        UUID eventId, Instant occurredAt, int schemaVersion, UUID clientId, UUID assignmentId, LocalDate nextDue)
        implements AttuneEvent {

    public MeasureResumed {
        Require.header(eventId, occurredAt, schemaVersion, clientId);
        Require.nonNull(assignmentId, "assignmentId");
        Require.nonNull(nextDue, "nextDue");
    }

    public static MeasureResumed of(UUID clientId, UUID assignmentId, LocalDate nextDue) {
        return new MeasureResumed(
                UUID.randomUUID(), Instant.now(), AttuneEvent.CURRENT_SCHEMA_VERSION, clientId, assignmentId, nextDue);
    }
}
