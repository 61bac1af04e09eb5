package org.attune.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A client shared the words of one of their session connection checks with their therapist, when recording it or
 * later. This is the only event that carries a client's own words about a session: they travel only once the client
 * chose to share them, so that a therapist's repair prompt (in another service) can include them. A check shared
 * without words publishes nothing, since nothing changes for the therapist.
 *
 * @param comment the client's words, exactly as shared
 */
public record SessionFeedbackShared(
        UUID eventId, Instant occurredAt, int schemaVersion, UUID clientId, UUID feedbackId, String comment)
        implements AttuneEvent {

    public SessionFeedbackShared {
        Require.header(eventId, occurredAt, schemaVersion, clientId);
        Require.nonNull(feedbackId, "feedbackId");
        Require.nonBlank(comment, "comment");
    }

    public static SessionFeedbackShared of(UUID clientId, UUID feedbackId, String comment) {
        return new SessionFeedbackShared(
                UUID.randomUUID(), Instant.now(), AttuneEvent.CURRENT_SCHEMA_VERSION, clientId, feedbackId, comment);
    }
}
