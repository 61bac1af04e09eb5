package org.attune.webui.library;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.attune.webui.security.Caller;

/**
 * A client's own written answers to reflections (content-service {@code /api/v1/content/{slug}/answer}): private
 * unless the client shares one, and then readable by a therapist only under NOTES.
 */
public interface ReflectionAnswers {

    /** The longest answer the service keeps. */
    int MAX_LENGTH = 5000;

    record Answer(String text, boolean shared, Instant updatedAt) {}

    record SharedAnswer(String slug, String title, String text, Instant updatedAt) {}

    /** The client's answer to this piece; NOT_FOUND before one is written. */
    Reply<Answer> answer(Caller client, String slug);

    Reply<Answer> save(Caller client, String slug, String text, boolean shared);

    Reply<Void> remove(Caller client, String slug);

    /** The answers a client shared, for a therapist; NOT_SHARED without an active NOTES grant. */
    Reply<List<SharedAnswer>> sharedBy(Caller therapist, UUID clientId);
}
