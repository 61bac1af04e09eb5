package org.attune.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A client recorded a mood check-in. Only {@code hasNote} travels: the note text stays in the check-in service, so
 * consumers and the broker never hold the client's free-text writing.
 *
 * @param localDate the client's own calendar day of the check-in, so daily views and reminders need no time zone
 */
public record CheckInRecorded(
        UUID eventId,
        Instant occurredAt,
        int schemaVersion,
        UUID clientId,
        UUID checkInId,
        int mood,
        WindowOfTolerance window,
        List<String> emotions,
        int energy,
        Double sleepHours,
        List<String> tags,
        boolean hasNote,
        LocalDate localDate)
        implements AttuneEvent {

    public CheckInRecorded {
        Require.header(eventId, occurredAt, schemaVersion, clientId);
        Require.nonNull(checkInId, "checkInId");
        Require.between(mood, 0, 10, "mood");
        Require.nonNull(window, "window");
        emotions = Require.list(emotions, "emotions");
        Require.between(energy, 0, 10, "energy");
        if (sleepHours != null && !(sleepHours >= 0 && sleepHours <= 24)) {
            throw new IllegalArgumentException("sleepHours must be between 0 and 24");
        }
        tags = Require.list(tags, "tags");
        Require.nonNull(localDate, "localDate");
    }

    public static CheckInRecorded of(
            UUID clientId,
            UUID checkInId,
            int mood,
            WindowOfTolerance window,
            List<String> emotions,
            int energy,
            Double sleepHours,
            List<String> tags,
            boolean hasNote,
            LocalDate localDate) {
        return new CheckInRecorded(
                UUID.randomUUID(),
                Instant.now(),
                AttuneEvent.CURRENT_SCHEMA_VERSION,
                clientId,
                checkInId,
                mood,
                window,
                emotions,
                energy,
                sleepHours,
                tags,
                hasNote,
                localDate);
    }
}
