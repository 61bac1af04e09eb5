package org.attune.webui.progress;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** One shared goal in the client's words, with its weekly ratings (0–10), oldest week first. */
public record Goal(
        String id, String text, boolean active, Instant createdAt, Instant archivedAt, List<Rating> ratings) {

    public Goal {
        ratings = ratings == null ? List.of() : List.copyOf(ratings);
    }

    /** How close to the goal the client felt in the week starting {@code week} (a Monday). */
    public record Rating(LocalDate week, int rating) {}

    /** The latest rating, or null before the first. */
    public Integer latest() {
        return ratings.isEmpty() ? null : ratings.getLast().rating();
    }
}
