package org.attune.events;

/** The unit of a scheduled measure's cadence: every N days, every N weeks or every N months. */
public enum MeasureCadenceUnit {
    DAYS,
    WEEKS,
    MONTHS
}
