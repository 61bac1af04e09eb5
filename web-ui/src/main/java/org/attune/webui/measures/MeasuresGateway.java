package org.attune.webui.measures;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.attune.webui.security.Caller;

/** checkin-service's scheduled measures, for both sides; empty answers mean the service did not answer. */
public interface MeasuresGateway {

    /** The signed-in client's scheduled measures. */
    Optional<List<DueMeasure>> mine(Caller client);

    /** Pause, resume or decline one (one tap, no reason); false when the service did not take it. */
    boolean change(Caller client, String measureId, Change change);

    /** The questionnaires a measure can be (code and title). */
    Optional<List<Questionnaire>> questionnaires(Caller caller);

    /** What this therapist scheduled for the client; empty when not shared or not answered. */
    Optional<List<ScheduledMeasure>> scheduledFor(Caller therapist, UUID clientId);

    AssignResult assign(Caller therapist, UUID clientId, MeasureRequest request);

    enum Change {
        PAUSE,
        RESUME,
        DECLINE
    }

    record Questionnaire(String code, String title) {}
}
