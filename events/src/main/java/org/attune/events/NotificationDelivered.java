package org.attune.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A notification reached its recipient. Keyed by {@code clientId}, the client it concerns, so it orders with that
 * client's events even when {@code recipientId} is their therapist.
 *
 * @param kind what the notification was about, e.g. {@code "session-reminder"}
 */
public record NotificationDelivered(
        UUID eventId,
        Instant occurredAt,
        int schemaVersion,
        UUID clientId,
        UUID notificationId,
        UUID recipientId,
        String kind,
        Channel channel)
        implements AttuneEvent {

    public NotificationDelivered {
        Require.header(eventId, occurredAt, schemaVersion, clientId);
        Require.nonNull(notificationId, "notificationId");
        Require.nonNull(recipientId, "recipientId");
        Require.nonBlank(kind, "kind");
        Require.nonNull(channel, "channel");
    }

    public static NotificationDelivered of(
            UUID clientId, UUID notificationId, UUID recipientId, String kind, Channel channel) {
        return new NotificationDelivered(
                UUID.randomUUID(),
                Instant.now(),
                AttuneEvent.CURRENT_SCHEMA_VERSION,
                clientId,
                notificationId,
                recipientId,
                kind,
                channel);
    }
}
