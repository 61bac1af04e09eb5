package org.attune.webui.checkin;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One session connection check, as recorded or read back. {@code rupture} is the rupture signal of the domain brief;
 * the single ratings and the text may be absent where the service does not return them.
 */
public record FeedbackEntry(
        String id,
        Instant recordedAt,
        LocalDate sessionDate,
        int total,
        int maxTotal,
        boolean rupture,
        boolean shared,
        Integer heard,
        Integer goals,
        Integer approach,
        Integer overall,
        String text) {}
