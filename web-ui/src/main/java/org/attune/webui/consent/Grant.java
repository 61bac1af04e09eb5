package org.attune.webui.consent;

import java.time.Instant;
import java.util.Set;
import org.attune.events.ConsentEndReason;
import org.attune.events.DataClass;
import org.attune.kit.outbox.Outbox;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A client's consent for one therapist. Events not yet published wait in the kit's {@code outbox} inside the same
 * document, so storing a change and queuing its event is one single-document write.
 */
@Document(Grant.COLLECTION)
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
        Outbox outbox,
        boolean purge) {

    public static final String COLLECTION = "consent_grants";

    public boolean isLive() {
        return status != GrantStatus.INACTIVE;
    }
}
