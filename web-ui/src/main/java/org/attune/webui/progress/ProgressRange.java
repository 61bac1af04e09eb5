package org.attune.webui.progress;

import java.time.LocalDate;

/** The ranges a person can pick for progress charts; the service allows at most 366 days. */
public enum ProgressRange {
    FOUR_WEEKS(28),
    THREE_MONTHS(91),
    ONE_YEAR(365);

    private final int days;

    ProgressRange(int days) {
        this.days = days;
    }

    public int days() {
        return days;
    }

    /** The first day of the range ending (inclusive) on {@code today}. */
    public LocalDate from(LocalDate today) {
        return today.minusDays(days - 1L);
    }
}
