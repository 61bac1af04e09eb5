package org.attune.webui.measures;

import java.time.LocalDate;

/**
 * A measure as the therapist who scheduled it sees it. {@code state}: SCHEDULED, OPEN, PAUSED_BY_CLIENT,
 * DECLINED_BY_CLIENT or GRANT_ENDED (never why); {@code lastWindow}: ANSWERED or NOT_ANSWERED for the last window that
 * ended, null before the first.
 */
public record ScheduledMeasure(
        String id,
        String code,
        String title,
        int every,
        String unit,
        int windowDays,
        LocalDate firstDue,
        String state,
        LocalDate dueDate,
        LocalDate lastDueDate,
        String lastWindow) {}
