package org.attune.events;

import java.time.Instant;
import java.util.UUID;

/**
 * The content service recommended a piece of psychoeducation or an exercise to a client.
 *
 * @param reason why, in words shown to the client
 * @param ruleId the recommendation rule that fired, for explaining and tuning rules
 * @param pinned whether the recommendation stays on top until dismissed
 * @param triggerEventId the event that led to it, when one did
 */
public record ContentRecommended(
        UUID eventId,
        Instant occurredAt,
        int schemaVersion,
        UUID clientId,
        UUID recommendationId,
        String slug,
        String title,
        String reason,
        String ruleId,
        boolean pinned,
        UUID triggerEventId)
        implements AttuneEvent {

    public ContentRecommended {
        Require.header(eventId, occurredAt, schemaVersion, clientId);
        Require.nonNull(recommendationId, "recommendationId");
        Require.nonBlank(slug, "slug");
        Require.nonBlank(title, "title");
        Require.nonBlank(reason, "reason");
        Require.nonBlank(ruleId, "ruleId");
    }

    public static ContentRecommended of(
            UUID clientId,
            UUID recommendationId,
            String slug,
            String title,
            String reason,
            String ruleId,
            boolean pinned,
            UUID triggerEventId) {
        return new ContentRecommended(
                UUID.randomUUID(),
                Instant.now(),
                AttuneEvent.CURRENT_SCHEMA_VERSION,
                clientId,
                recommendationId,
                slug,
                title,
                reason,
                ruleId,
                pinned,
                triggerEventId);
    }
}
