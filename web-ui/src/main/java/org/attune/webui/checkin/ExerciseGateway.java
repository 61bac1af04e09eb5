package org.attune.webui.checkin;

import java.util.Optional;
import org.attune.events.WindowOfTolerance;
import org.attune.webui.security.Caller;

/** Finds a short regulation exercise in content-service's library for where the client is right now. */
public interface ExerciseGateway {

    /** A 1 to 3 minute exercise suited to this window; empty when none was found or the library did not answer. */
    Optional<Exercise> regulationExercise(Caller client, WindowOfTolerance window);
}
