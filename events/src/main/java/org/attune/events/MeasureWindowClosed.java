package org.attune.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A scheduled measure's window closed without an answer. Neutral data: the client is never shown these; the
 * therapist sees "not answered this window".
 */
public record MeasureWindowClosed(
        UUID eventId,
        Instant occurredAt,
        int schemaVersion,
        UUID clientId,
        UUID assignmentId,
        String code,
        LocalDate dueDate)
        implements AttuneEvent {

    public MeasureWindowClosed {
        Require.header(eventId, occurredAt, schemaVersion, clientId);
        Require.nonNull(assignmentId, "assignmentId");
        Require.nonBlank(code, "code");
        Require.nonNull(dueDate, "dueDate");
    }

    public static MeasureWindowClosed of(UUID clientId, UUID assignmentId, String code, LocalDate dueDate) {
        return new MeasureWindowClosed(
                UUID.randomUUID(),
                Instant.now(),
                AttuneEvent.CURRENT_SCHEMA_VERSION,
                clientId,
                assignmentId,
                code,
                dueDate);
    }
}
