package org.attune.webui.checkin;

import java.time.LocalDate;
import java.util.List;
import org.attune.events.WindowOfTolerance;

/** A daily check-in as the client filled it in; {@code localDate} is their own day, when their time zone is known. */
public record CheckInForm(
        Integer mood,
        WindowOfTolerance window,
        List<String> emotions,
        Integer energy,
        Double sleepHours,
        List<String> tags,
        String note,
        LocalDate localDate) {

    public CheckInForm {
        emotions = emotions == null ? List.of() : List.copyOf(emotions);
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
