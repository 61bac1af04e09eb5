package org.attune.kit.consent;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.attune.events.DataClass;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A service's copy of one client–therapist grant, as the latest consent event described it. */
@Document(ConsentGrant.COLLECTION)
public record ConsentGrant(
        @Id String id,
        UUID clientId,
        UUID therapistId,
        UUID consentId,
        List<DataClass> dataClasses,
        Instant startsAt,
        Instant endsAt,
        Status status,
        Instant lastEventAt) {

    public static final String COLLECTION = "consent_grants";

    public enum Status {
        ACTIVE,
        INACTIVE
    }

    public static String key(UUID clientId, UUID therapistId) {
        return clientId + ":" + therapistId;
    }

    /** Active now: not revoked, started, and not past its end (even before the revocation event arrives). */
    public boolean activeAt(Instant now) {
        return status == Status.ACTIVE && !startsAt.isAfter(now) && (endsAt == null || endsAt.isAfter(now));
    }

    public boolean covers(DataClass dataClass, Instant now) {
        return activeAt(now) && dataClasses.contains(dataClass);
    }
}
