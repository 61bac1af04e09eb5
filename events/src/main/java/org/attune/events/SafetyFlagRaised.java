package org.attune.events;

import java.time.Instant;
import java.util.UUID;

/**
 * Something the client did suggests they may be at risk; consumers show safety resources and, where consented, alert
 * the therapist.
 *
 * @param source what raised it, e.g. {@code "PHQ-9"} or {@code "help-now"}
 */
public record SafetyFlagRaised(
        UUID eventId,
        Instant occurredAt,
        int schemaVersion,
        UUID clientId,
        UUID flagId,
        SafetyFlagReason reason,
        String source)
        implements AttuneEvent {

    public SafetyFlagRaised {
        Require.header(eventId, occurredAt, schemaVersion, clientId);
        Require.nonNull(flagId, "flagId");
        Require.nonNull(reason, "reason");
        Require.nonBlank(source, "source");
    }

    public static SafetyFlagRaised of(UUID clientId, UUID flagId, SafetyFlagReason reason, String source) {
        return new SafetyFlagRaised(
                UUID.randomUUID(), Instant.now(), AttuneEvent.CURRENT_SCHEMA_VERSION, clientId, flagId, reason, source);
    }
}
