package org.attune.checkin.goals;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * How close to a goal the client felt in one week, 0–10 ({@code _id} = goalId:weekStart): one rating per goal and
 * week, so a second rating in the same week replaces the first in one write.
 *
 * @param week the Monday (UTC) of the week the rating is about
 */
@Document(GoalRating.COLLECTION)
record GoalRating(@Id String id, UUID clientId, String goalId, LocalDate week, int rating, Instant ratedAt) {

    static final String COLLECTION = "goal_ratings";

    static String idOf(String goalId, LocalDate week) {
        return goalId + ":" + week;
    }
}
