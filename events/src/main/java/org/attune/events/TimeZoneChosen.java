package org.attune.events;

import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;

/**
 * A client saved the time zone their days are counted in (in their reminder settings). Announced on every save, so a
 * consumer keeps the newest by {@code occurredAt}; checkin-service opens scheduled measures at midnight there.
 *
 * @param timeZone IANA zone id, e.g. {@code "Europe/London"}
 */
public record TimeZoneChosen(UUID eventId, Instant occurredAt, int schemaVersion, UUID clientId, String timeZone)
        implements AttuneEvent {

    public TimeZoneChosen {
        Require.header(eventId, occurredAt, schemaVersion, clientId);
        Require.nonBlank(timeZone, "timeZone");
        try {
            ZoneId.of(timeZone);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("timeZone must be a valid zone id");
        }
    }

    public static TimeZoneChosen of(UUID clientId, String timeZone) {
        return new TimeZoneChosen(
                UUID.randomUUID(), Instant.now(), AttuneEvent.CURRENT_SCHEMA_VERSION, clientId, timeZone);
    }
}
