package org.attune.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** The client answered a scheduled measure inside its window; {@code responseId} is the questionnaire response. */
public record MeasureAnswered(
        UUID eventId,
        Instant occurredAt,
        int schemaVersion,
        UUID clientId,
        UUID assignmentId,
        String code,
        LocalDate dueDate,
        UUID responseId)
        implements AttuneEvent {

    public MeasureAnswered {
        Require.header(eventId, occurredAt, schemaVersion, clientId);
        Require.nonNull(assignmentId, "assignmentId");
        Require.nonBlank(code, "code");
        Require.nonNull(dueDate, "dueDate");
        Require.nonNull(responseId, "responseId");
    }

    public static MeasureAnswered of(
            UUID clientId, UUID assignmentId, String code, LocalDate dueDate, UUID responseId) {
        return new MeasureAnswered(
                UUID.randomUUID(),
                Instant.now(),
                AttuneEvent.CURRENT_SCHEMA_VERSION,
                clientId,
                assignmentId,
                code,
                dueDate,
                responseId);
    }
}
