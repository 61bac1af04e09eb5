package org.attune.checkin.safety;

import java.time.Instant;
import java.util.UUID;
import org.attune.events.SafetyFlagReason;
import org.attune.kit.outbox.Outbox;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One raised safety flag ({@code _id} = the flagId of its SafetyFlagRaised): from "I need help now" (which carries
 * its event in its own outbox) or from a questionnaire (whose response document carries the event). A therapist
 * with SAFETY_ALERTS acknowledges it; the first acknowledgement is kept.
 */
@Document(SafetyFlag.COLLECTION)
public record SafetyFlag(
        @Id String id,
        UUID clientId,
        SafetyFlagReason reason,
        String source,
        Instant raisedAt,
        Instant acknowledgedAt,
        UUID acknowledgedBy,
        Outbox outbox) {

    public static final String COLLECTION = "safety_flags";

    public boolean open() {
        return acknowledgedAt == null;
    }
}
