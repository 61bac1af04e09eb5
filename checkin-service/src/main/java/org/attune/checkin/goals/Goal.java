package org.attune.checkin.goals;

import java.time.Instant;

/**
 * One goal in the client's own words. Archived goals stay (with their ratings) until the client deletes them; they
 * do not count towards the three a client works on at a time.
 */
record Goal(String id, String text, Instant createdAt, Instant updatedAt, Instant archivedAt) {

    boolean active() {
        return archivedAt == null;
    }

    Goal withText(String newText, Instant at) {
        return new Goal(id, newText, createdAt, at, archivedAt);
    }

    Goal archived(Instant at) {
        return new Goal(id, text, createdAt, at, archivedAt == null ? at : archivedAt);
    }

    Goal restored(Instant at) {
        return new Goal(id, text, createdAt, at, null);
    }
}
