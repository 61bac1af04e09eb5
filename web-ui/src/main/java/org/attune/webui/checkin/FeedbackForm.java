package org.attune.webui.checkin;

import java.time.LocalDate;

/** The session connection check as the client filled it in; each rating 0 to 10. */
public record FeedbackForm(
        Integer heard,
        Integer goals,
        Integer approach,
        Integer overall,
        LocalDate sessionDate,
        String text,
        boolean share,
        boolean shareComment) {}
