package org.attune.notification.alerting;

import java.time.Duration;
import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The acknowledgement state of one safety alert: one client's flag as sent to one therapist. While it is open
 * ({@code acknowledgedAt} and {@code endedAt} null) it is sent again at {@code escalateAt}; each send is claimed by one
 * conditional update of this document, so with several instances each escalation happens once.
 *
 * @param windowMinutes the therapist's acknowledgement window when the alert was first sent
 * @param escalateAt the next escalation; null once the alert is acknowledged or its escalation ended
 * @param escalations how many escalations were claimed so far
 * @param lastEscalatedBy the instance that claimed the last one
 * @param pendingEscalation the number of a claimed escalation whose notification may not be stored yet; null when
 *     every claimed one is stored
 * @param endReason why escalation stopped, with {@code endedAt}
 */
@Document(SafetyAlert.COLLECTION)
public record SafetyAlert(
        @Id String id,
        String clientId,
        String therapistId,
        String flagId,
        Instant alertedAt,
        int windowMinutes,
        Instant escalateAt,
        int escalations,
        Instant lastEscalatedAt,
        String lastEscalatedBy,
        Integer pendingEscalation,
        Instant acknowledgedAt,
        String acknowledgedBy,
        Instant endedAt,
        EndReason endReason) {

    static final String COLLECTION = "safety_alerts";

    /** Why an alert is no longer escalated. */
    public enum EndReason {
        ACKNOWLEDGED,
        /** The client no longer shares safety alerts with this therapist. */
        GRANT_ENDED
    }

    /** The id of the alert of a flag to a therapist: the same on every instance and for every redelivery. */
    public static String idOf(String flagId, String therapistId) {
        return org.attune.notification.store.Notification.idFor("safety-escalation:" + flagId + ":" + therapistId);
    }

    Duration window() {
        return Duration.ofMinutes(windowMinutes);
    }

    /** The next escalation after number {@code escalations + 1} goes out at {@code now}. */
    Instant nextAfterSending(Instant now) {
        return EscalationSchedule.nextAfter(alertedAt, window(), escalations + 1, now);
    }
}
