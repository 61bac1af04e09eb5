package org.attune.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A client rated their last therapy session.
 *
 * @param ruptureReason why a possible rupture was detected; set exactly when {@code ruptureSignal} is true
 * @param sharedWithTherapist whether the client chose to let their therapist see this feedback
 * @param sessionDate the day of the rated session, when the client gave it
 */
public record SessionFeedbackRecorded(
        UUID eventId,
        Instant occurredAt,
        int schemaVersion,
        UUID clientId,
        UUID feedbackId,
        int total,
        int maxTotal,
        boolean ruptureSignal,
        RuptureReason ruptureReason,
        boolean sharedWithTherapist,
        LocalDate sessionDate)
        implements AttuneEvent {

    public SessionFeedbackRecorded {
        Require.header(eventId, occurredAt, schemaVersion, clientId);
        Require.nonNull(feedbackId, "feedbackId");
        Require.positive(maxTotal, "maxTotal");
        Require.between(total, 0, maxTotal, "total");
        // A reason without a signal (or the reverse) would make consumers disagree on whether to alert.
        if (ruptureSignal != (ruptureReason != null)) {
            throw new IllegalArgumentException("ruptureReason must be set exactly when ruptureSignal is true");
        }
    }

    public static SessionFeedbackRecorded of(
            UUID clientId,
            UUID feedbackId,
            int total,
            int maxTotal,
            boolean ruptureSignal,
            RuptureReason ruptureReason,
            boolean sharedWithTherapist,
            LocalDate sessionDate) {
        return new SessionFeedbackRecorded(
                UUID.randomUUID(),
                Instant.now(),
                AttuneEvent.CURRENT_SCHEMA_VERSION,
                clientId,
                feedbackId,
                total,
                maxTotal,
                ruptureSignal,
                ruptureReason,
                sharedWithTherapist,
                sessionDate);
    }
}
