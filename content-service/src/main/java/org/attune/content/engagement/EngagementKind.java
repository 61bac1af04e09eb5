package org.attune.content.engagement;

/** What a client did with a piece. */
public enum EngagementKind {
    OPENED,
    STARTED,
    COMPLETED,
    HELPFUL,
    NOT_HELPFUL
}
