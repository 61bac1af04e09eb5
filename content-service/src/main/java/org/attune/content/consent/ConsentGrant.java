package org.attune.content.consent;

import java.time.Instant;
import java.util.Set;
import org.attune.events.DataClass;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** The latest known consent state of one client–therapist pair ({@code _id} = {@code clientId:therapistId}). */
@Document("consent_grants")
record ConsentGrant(
        @Id String id,
        String clientId,
        String therapistId,
        String consentId,
        Set<DataClass> dataClasses,
        Instant startsAt,
        Instant endsAt,
        Status status,
        Instant lastEventAt) {

    enum Status {
        ACTIVE,
        INACTIVE
    }

    static String idOf(Object clientId, Object therapistId) {
        return clientId + ":" + therapistId;
    }

    /** Active now: granted, started, not yet ended (an ended grant counts as inactive before its revoke arrives). */
    boolean covers(DataClass dataClass, Instant now) {
        return status == Status.ACTIVE
                && !startsAt.isAfter(now)
                && (endsAt == null || endsAt.isAfter(now))
                && dataClasses != null
                && dataClasses.contains(dataClass);
    }
}
