package org.attune.notification.store;

/**
 * RADAR-base's lifecycle: SCHEDULED → DELIVERED → OPENED / DISMISSED, or CANCELLED / EXPIRED / ERRORED. An escalation
 * of an unacknowledged safety alert is delivered as ESCALATED (SCHEDULED → ESCALATED → OPENED / DISMISSED), so each
 * re-send is one notification in that state, recorded once.
 */
public enum NotificationState {
    SCHEDULED,
    DELIVERED,
    ESCALATED,
    OPENED,
    DISMISSED,
    CANCELLED,
    EXPIRED,
    ERRORED
}
