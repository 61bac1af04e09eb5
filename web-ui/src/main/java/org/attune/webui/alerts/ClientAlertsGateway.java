package org.attune.webui.alerts;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.attune.webui.security.Caller;

/**
 * A client's own safety alerts and whether a therapist has seen (acknowledged) each, for the plain-words status the
 * client is shown ({@code AlertSeenStatus}).
 */
public interface ClientAlertsGateway {

    /**
     * One of the client's safety flags.
     *
     * @param reason HELP_NOW, SELF_HARM_ITEM or SEVERE_BAND
     * @param acknowledgedAt when a therapist acknowledged it; null while nobody has
     */
    record ClientAlert(String flagId, String reason, Instant raisedAt, Instant acknowledgedAt) {

        public boolean seen() {
            return acknowledgedAt != null;
        }
    }

    /**
     * The client's alerts and whether any therapist receives their safety alerts now.
     *
     * @param alerts newest first
     */
    record Alerts(List<ClientAlert> alerts, boolean sharedWithATherapist) {}

    /** How far back {@link #recent} looks. */
    Duration RECENT = Duration.ofDays(30);

    /** The client's alerts of the last {@link #RECENT}, newest first; empty when checkin-service did not answer. */
    Optional<Alerts> recent(Caller client);
}
