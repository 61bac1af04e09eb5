package org.attune.content.recommendation;

import java.time.Instant;
import org.attune.kit.outbox.Outbox;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A piece offered to a client, with the reason they read and its {@code ContentRecommended} event in the outbox.
 *
 * <p>Ids make the limits hold under concurrency: an unpinned recommendation takes one of the day's two slots
 * ({@code clientId:day:1} or {@code :2}), so a third insert on the same day fails on the id; a pinned one is keyed by
 * its trigger event and rule, so a redelivered event cannot pin twice. A dismissed recommendation leaves the client's
 * list but still counts for the limits.
 */
@Document("recommendations")
record Recommendation(
        @Id String id,
        String recommendationId,
        String clientId,
        String slug,
        String title,
        String reason,
        String ruleId,
        boolean pinned,
        String triggerEventId,
        String day,
        Instant createdAt,
        Outbox outbox,
        Instant dismissedAt) {}
