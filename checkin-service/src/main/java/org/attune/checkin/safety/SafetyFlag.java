package org.attune.checkin.safety;

import java.time.Instant;
import java.util.UUID;
import org.attune.checkin.outbox.Outbox;
import org.attune.events.SafetyFlagReason;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A client's "I need help now", stored with its SafetyFlagRaised in the outbox. */
@Document(SafetyFlag.COLLECTION)
public record SafetyFlag(
        @Id String id, UUID clientId, SafetyFlagReason reason, String source, Instant raisedAt, Outbox outbox) {

    public static final String COLLECTION = "safety_flags";
}
