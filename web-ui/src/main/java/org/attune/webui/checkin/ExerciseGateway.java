package org.attune.webui.checkin;

import java.time.Instant;
import java.util.Optional;
import org.attune.webui.security.Caller;

/**
 * The exercise content-service recommended after a HYPER or HYPO check-in. content-service's rules alone choose it
 * (from the check-in's event); web-ui only shows that choice.
 */
public interface ExerciseGateway {

    /**
     * The exercise content-service recommended for the check-in the client sent at {@code sentAt}; empty when the
     * library did not answer or recommended no exercise in time.
     */
    Optional<Exercise> recommendedAfterCheckIn(Caller client, Instant sentAt);
}
