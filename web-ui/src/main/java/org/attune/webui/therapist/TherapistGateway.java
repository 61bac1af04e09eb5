package org.attune.webui.therapist;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.attune.webui.security.Caller;

/**
 * The services' therapist-facing reads and the one write (acknowledging a safety flag). Each read is empty when
 * the service did not answer or refused, so a view can say so honestly instead of showing stale or made-up data.
 */
public interface TherapistGateway {

    Optional<ClientSummary> summary(Caller therapist, UUID clientId);

    Optional<List<SafetyFlagItem>> safetyFlags(Caller therapist, UUID clientId);

    /** True when the service recorded the acknowledgement. */
    boolean acknowledge(Caller therapist, UUID clientId, String flagId);

    Optional<List<FeedbackEntry>> sessionFeedback(Caller therapist, UUID clientId);

    Optional<List<AssignmentItem>> assignments(Caller therapist, UUID clientId);

    /** The client's session rhythm from notification-service; never null. */
    ClientSchedule sessionSchedule(Caller therapist, UUID clientId);
}
