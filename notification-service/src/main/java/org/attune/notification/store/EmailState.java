package org.attune.notification.store;

/** The email copy of a notification: NONE when the recipient has no email channel. */
public enum EmailState {
    NONE,
    PENDING,
    SENT,
    ERRORED
}
