package org.attune.content.reflection;

import java.time.Instant;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A client's own written answer to one reflection piece. Private unless {@code shared}: a therapist reads it only
 * while it is shared and the client shares NOTES with them. The id is {@code clientId:slug}, one answer per piece.
 */
@Document(ReflectionAnswer.COLLECTION)
public record ReflectionAnswer(
        @Id String id,
        String clientId,
        String slug,
        String text,
        boolean shared,
        Instant createdAt,
        Instant updatedAt) {

    public static final String COLLECTION = "reflection_answers";

    static String idOf(UUID clientId, String slug) {
        return clientId + ":" + slug;
    }
}
