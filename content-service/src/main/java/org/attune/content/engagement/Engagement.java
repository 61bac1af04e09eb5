package org.attune.content.engagement;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One kind of engagement with one piece on one day. The id is {@code clientId:slug:kind:day}, so the same tap sent
 * twice (a retry, a double click) is stored once.
 */
@Document("engagements")
public record Engagement(@Id String id, String clientId, String slug, EngagementKind kind, String day, Instant at) {

    static String idOf(Object clientId, String slug, EngagementKind kind, String day) {
        return clientId + ":" + slug + ":" + kind + ":" + day;
    }
}
