package org.attune.webui.progress;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.attune.webui.security.Caller;

/**
 * checkin-service's shared goals. Reads are empty when the service did not answer or refused; a change answers what
 * came of it, so a view can say so in its own words.
 */
public interface GoalsGateway {

    Optional<List<Goal>> own(Caller client);

    Optional<List<Goal>> ofClient(Caller therapist, UUID clientId);

    Change create(Caller client, String text);

    Change edit(Caller client, String goalId, String text);

    Change archive(Caller client, String goalId);

    Change restore(Caller client, String goalId);

    Change delete(Caller client, String goalId);

    Change rate(Caller client, String goalId, int rating);

    /** What came of a change. */
    sealed interface Change {
        record Done() implements Change {}

        /** The service said no: three goals active already, an archived goal, or one that is gone (409, 404). */
        record Refused() implements Change {}

        /** The words or the rating were not taken (400): empty, too long, or out of range. */
        record Invalid() implements Change {}

        record Unavailable() implements Change {}
    }
}
