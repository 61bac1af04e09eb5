package org.attune.events;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/**
 * A client's therapy-session schedule was set or replaced: an optional weekly slot plus one-off sessions. The weekly
 * slot is a wall-clock time in {@code timeZone} so reminders follow daylight-saving changes.
 *
 * @param scheduledBy who set it: the client or their therapist
 * @param timeZone IANA zone id of the weekly slot, e.g. {@code "Europe/Berlin"}
 * @param weeklyDay day of the weekly slot; null together with {@code weeklyTime} when there is none
 * @param therapistId the therapist the sessions are with, when they use Attune
 */
public record SessionScheduled(
        UUID eventId,
        Instant occurredAt,
        int schemaVersion,
        UUID clientId,
        UUID scheduleId,
        UUID scheduledBy,
        String timeZone,
        DayOfWeek weeklyDay,
        LocalTime weeklyTime,
        List<Instant> oneOffStarts,
        int durationMinutes,
        UUID therapistId)
        implements AttuneEvent {

    public SessionScheduled {
        Require.header(eventId, occurredAt, schemaVersion, clientId);
        Require.nonNull(scheduleId, "scheduleId");
        Require.nonNull(scheduledBy, "scheduledBy");
        Require.nonBlank(timeZone, "timeZone");
        try {
            ZoneId.of(timeZone);
        } catch (DateTimeException e) {
            // Our own message: the JDK's would quote the value.
            throw new IllegalArgumentException("timeZone must be a valid zone id");
        }
        if ((weeklyDay == null) != (weeklyTime == null)) {
            throw new IllegalArgumentException("weeklyDay and weeklyTime must be set together");
        }
        oneOffStarts = Require.list(oneOffStarts, "oneOffStarts");
        Require.positive(durationMinutes, "durationMinutes");
    }

    public static SessionScheduled of(
            UUID clientId,
            UUID scheduleId,
            UUID scheduledBy,
            String timeZone,
            DayOfWeek weeklyDay,
            LocalTime weeklyTime,
            List<Instant> oneOffStarts,
            int durationMinutes,
            UUID therapistId) {
        return new SessionScheduled(
                UUID.randomUUID(),
                Instant.now(),
                AttuneEvent.CURRENT_SCHEMA_VERSION,
                clientId,
                scheduleId,
                scheduledBy,
                timeZone,
                weeklyDay,
                weeklyTime,
                oneOffStarts,
                durationMinutes,
                therapistId);
    }
}
