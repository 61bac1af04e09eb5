package org.attune.webui.consent;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.attune.events.ConsentEndReason;
import org.attune.events.DataClass;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A client's consent for one therapist. Events not yet published wait in {@code outbox} inside the same document,
 * so storing a change and queuing its event is one single-document write.
 */
@Document("consent_grants")
public record Grant(
        @Id String id,
        String clientId,
        String therapistId,
        Set<DataClass> dataClasses,
        Instant createdAt,
        Instant startsAt,
        Instant endsAt,
        GrantStatus status,
        ConsentEndReason endReason,
        Instant endedAt,
        List<Outgoing> outbox,
        boolean purge) {

    /** An event waiting to be published, as its JSON. */
    public record Outgoing(String eventId, String json) {}

    public boolean isLive() {
        return status != GrantStatus.INACTIVE;
    }
}
