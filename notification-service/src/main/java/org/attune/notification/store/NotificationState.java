package org.attune.notification.store;

/** RADAR-base's lifecycle: SCHEDULED → DELIVERED → OPENED / DISMISSED, or CANCELLED / EXPIRED / ERRORED. */
public enum NotificationState {
    SCHEDULED,
    DELIVERED,
    OPENED,
    DISMISSED,
    CANCELLED,
    EXPIRED,
    ERRORED
}
