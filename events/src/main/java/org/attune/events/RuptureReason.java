package org.attune.events;

/** Why session feedback was flagged as a possible rupture in the working alliance. */
public enum RuptureReason {
    LOW_TOTAL,
    DROP_FROM_BASELINE
}
