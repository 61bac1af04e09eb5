package org.attune.events;

/** Where the client placed themself relative to their window of tolerance at check-in. */
public enum WindowOfTolerance {
    HYPER,
    WITHIN,
    HYPO
}
