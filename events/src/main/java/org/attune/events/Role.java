package org.attune.events;

/** Kind of account. */
public enum Role {
    CLIENT,
    THERAPIST
}
