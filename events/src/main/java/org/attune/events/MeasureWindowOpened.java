package org.attune.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A scheduled measure's window opened: the client may answer it until {@code closesAt}.
 *
 * @param dueDate the client's calendar day the window opened on
 * @param closesAt the instant the window closes (the start of the client's day {@code windowDays} after the due date)
 */
public record MeasureWindowOpened(
        UUID eventId,
        Instant occurredAt,
        int schemaVersion,
        UUID clientId,
        UUID assignmentId,
        String code,
        LocalDate dueDate,
        Instant closesAt)
        implements AttuneEvent {

    public MeasureWindowOpened {
        Require.header(eventId, occurredAt, schemaVersion, clientId);
        Require.nonNull(assignmentId, "assignmentId");
        Require.nonBlank(code, "code");
        Require.nonNull(dueDate, "dueDate");
        Require.nonNull(closesAt, "closesAt");
    }

    public static MeasureWindowOpened of(
            UUID clientId, UUID assignmentId, String code, LocalDate dueDate, Instant closesAt) {
        return new MeasureWindowOpened(
                UUID.randomUUID(),
                Instant.now(),
                AttuneEvent.CURRENT_SCHEMA_VERSION,
                clientId,
                assignmentId,
                code,
                dueDate,
                closesAt);
    }
}
