package org.attune.notification.consent;

import java.time.Instant;
import java.util.Set;
import org.attune.events.DataClass;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** The latest known consent state of one client–therapist pair ({@code id} = {@code clientId:therapistId}). */
@Document("consent_grants")
public record ConsentGrant(
        @Id String id,
        String clientId,
        String therapistId,
        String consentId,
        Set<DataClass> dataClasses,
        Instant startsAt,
        Instant endsAt,
        String status,
        Instant lastEventAt) {

    public static final String ACTIVE = "ACTIVE";
    public static final String INACTIVE = "INACTIVE";

    /** ACTIVE, started, not past its end, and covering {@code dataClass}. */
    public boolean allows(DataClass dataClass, Instant now) {
        return isActive(now) && dataClasses != null && dataClasses.contains(dataClass);
    }

    public boolean isActive(Instant now) {
        return ACTIVE.equals(status)
                && startsAt != null
                && !startsAt.isAfter(now)
                && (endsAt == null || endsAt.isAfter(now));
    }
}
