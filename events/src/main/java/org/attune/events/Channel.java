package org.attune.events;

/** How a notification reached its recipient. */
public enum Channel {
    IN_APP,
    EMAIL
}
