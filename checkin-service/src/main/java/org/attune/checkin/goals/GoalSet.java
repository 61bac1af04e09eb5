package org.attune.checkin.goals;

import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * All goals of one client in one document ({@code _id} = the client id), so the limit of three active goals is kept
 * by a single conditional write on {@code version}, also when two windows add a goal at once.
 */
@Document(GoalSet.COLLECTION)
record GoalSet(@Id String id, long version, List<Goal> goals) {

    static final String COLLECTION = "goals";

    GoalSet {
        goals = goals == null ? List.of() : List.copyOf(goals);
    }
}
