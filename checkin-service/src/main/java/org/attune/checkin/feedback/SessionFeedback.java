package org.attune.checkin.feedback;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.attune.events.RuptureReason;
import org.attune.kit.outbox.Outbox;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A stored session connection check, with its SessionFeedbackRecorded in the outbox. */
@Document(SessionFeedback.COLLECTION)
public record SessionFeedback(
        @Id String id,
        UUID clientId,
        int heard,
        int goals,
        int approach,
        int overall,
        int total,
        int maxTotal,
        boolean ruptureSignal,
        RuptureReason ruptureReason,
        boolean sharedWithTherapist,
        LocalDate sessionDate,
        String text,
        Instant recordedAt,
        Outbox outbox) {

    public static final String COLLECTION = "session_feedback";
}
