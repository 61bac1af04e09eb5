package org.attune.webui.checkin;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.attune.events.WindowOfTolerance;

/** One of the client's own check-ins, as checkin-service keeps it (the note included: it is theirs). */
public record CheckInEntry(
        String id,
        Instant recordedAt,
        LocalDate localDate,
        int mood,
        WindowOfTolerance window,
        List<String> emotions,
        int energy,
        Double sleepHours,
        List<String> tags,
        String note) {

    public CheckInEntry {
        emotions = emotions == null ? List.of() : List.copyOf(emotions);
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
