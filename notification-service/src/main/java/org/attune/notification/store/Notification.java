package org.attune.notification.store;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One notification to one person, with its whole life in one document: when it is due, who holds the lease, every
 * state's timestamp and its email copy. The {@code NotificationDelivered} events still to publish live beside them in
 * the document's kit outbox, which only the relay reads.
 *
 * @param id deterministic where a duplicate must be impossible (e.g. {@code daily-checkin:<client>:<date>})
 * @param clientId the client it concerns (the recipient for client notifications)
 * @param args values for the message text (content titles, dates); for a safety alert and the client's crisis
 *     resources the reason of the flag and the instrument that raised it (they choose the text); for a therapist's
 *     rupture prompt the client's words once the client shared them, shown only while the grant lasts
 * @param localDate the recipient's calendar day it belongs to, for daily reminders
 */
@Document("notifications")
public record Notification(
        @Id String id,
        String recipientId,
        String clientId,
        NotificationKind kind,
        List<String> args,
        boolean urgent,
        String localDate,
        Instant dueAt,
        Instant expiresAt,
        NotificationState state,
        boolean unread,
        String leaseOwner,
        Instant leaseUntil,
        Instant createdAt,
        Instant deliveredAt,
        Instant openedAt,
        Instant dismissedAt,
        Instant cancelledAt,
        Instant expiredAt,
        Instant erroredAt,
        Instant snoozedAt,
        String deliveredBy,
        int deliveries,
        int snoozes,
        EmailState emailState,
        String emailTo,
        int emailAttempts,
        Instant emailNextAttemptAt,
        String emailLeaseOwner,
        Instant emailLeaseUntil,
        Instant emailSentAt,
        Instant emailErroredAt) {

    /** A stable id for a notification that must exist at most once, e.g. {@code daily-checkin:<client>:<date>}. */
    public static String idFor(String naturalKey) {
        return java.util
                .UUID
                .nameUUIDFromBytes(naturalKey.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .toString();
    }

    /** A new SCHEDULED notification. */
    public static Notification scheduled(
            String id,
            String recipientId,
            String clientId,
            NotificationKind kind,
            List<String> args,
            String localDate,
            Instant dueAt,
            Instant expiresAt,
            Instant now) {
        return new Notification(
                id,
                recipientId,
                clientId,
                kind,
                List.copyOf(args),
                kind.urgent(),
                localDate,
                dueAt,
                expiresAt,
                NotificationState.SCHEDULED,
                false,
                null,
                null,
                now,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                0,
                0,
                EmailState.NONE,
                null,
                0,
                null,
                null,
                null,
                null,
                null);
    }

    /** Scheduled with the kind's own usefulness window. */
    public static Notification due(
            String id,
            String recipientId,
            String clientId,
            NotificationKind kind,
            List<String> args,
            String localDate,
            Instant dueAt,
            Instant now) {
        Instant expiresAt = kind.usefulFor().map(dueAt::plus).orElse(null);
        return scheduled(id, recipientId, clientId, kind, args, localDate, dueAt, expiresAt, now);
    }
}
