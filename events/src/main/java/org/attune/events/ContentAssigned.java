package org.attune.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A therapist assigned a piece of content to their client as between-session work.
 *
 * @param note the therapist's optional note to the client
 * @param dueDate the client's calendar day it is due, when there is one
 */
public record ContentAssigned(
        UUID eventId,
        Instant occurredAt,
        int schemaVersion,
        UUID clientId,
        UUID assignmentId,
        UUID therapistId,
        String slug,
        String title,
        String note,
        LocalDate dueDate)
        implements AttuneEvent {

    public ContentAssigned {
        Require.header(eventId, occurredAt, schemaVersion, clientId);
        Require.nonNull(assignmentId, "assignmentId");
        Require.nonNull(therapistId, "therapistId");
        Require.nonBlank(slug, "slug");
        Require.nonBlank(title, "title");
    }

    public static ContentAssigned of(
            UUID clientId,
            UUID assignmentId,
            UUID therapistId,
            String slug,
            String title,
            String note,
            LocalDate dueDate) {
        return new ContentAssigned(
                UUID.randomUUID(),
                Instant.now(),
                AttuneEvent.CURRENT_SCHEMA_VERSION,
                clientId,
                assignmentId,
                therapistId,
                slug,
                title,
                note,
                dueDate);
    }
}
