package org.attune.notification.alerting;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Locale;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A therapist's safety-alert settings ({@code id} = their account id): how long an alert may wait for their
 * acknowledgement before it is sent again, and a second address (an on-call or practice mailbox) that escalations go
 * to as well as their own.
 *
 * @param acknowledgementWindowMinutes from the first alert to the first escalation
 * @param escalationEmail null when escalations go to the therapist's own address and inbox only
 */
@Document(AlertSettings.COLLECTION)
public record AlertSettings(
        @Id String id, int acknowledgementWindowMinutes, String escalationEmail, Instant updatedAt) {

    static final String COLLECTION = "alert_settings";

    public static final int DEFAULT_WINDOW_MINUTES = 4 * 60;
    public static final int SHORTEST_WINDOW_MINUTES = 15;
    public static final int LONGEST_WINDOW_MINUTES = 72 * 60;

    /** Four hours and no second address, for a therapist who never chose. */
    public static AlertSettings defaults(String therapistId) {
        return new AlertSettings(therapistId, DEFAULT_WINDOW_MINUTES, null, null);
    }

    /** The window, held within its bounds even for a document written by hand. */
    public Duration window() {
        return Duration.ofMinutes(
                Math.clamp(acknowledgementWindowMinutes, SHORTEST_WINDOW_MINUTES, LONGEST_WINDOW_MINUTES));
    }

    /**
     * Where an escalation is emailed: the therapist's own address (from their notification preferences, when they
     * gave one) and the escalation address, each once; null when there is neither.
     */
    public String escalationRecipients(String ownEmail) {
        var addresses = new LinkedHashSet<String>();
        for (var address : new String[] {ownEmail, escalationEmail}) {
            if (address != null && !address.isBlank()) {
                addresses.add(address.strip().toLowerCase(Locale.ROOT));
            }
        }
        return addresses.isEmpty() ? null : String.join(", ", addresses);
    }
}
