package org.attune.checkin.goals;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** One of a client's goals in their export, with every weekly rating. */
public record GoalExport(
        String id, String text, Instant createdAt, Instant updatedAt, Instant archivedAt, List<Rating> ratings) {

    public record Rating(LocalDate week, int rating, Instant ratedAt) {}
}
