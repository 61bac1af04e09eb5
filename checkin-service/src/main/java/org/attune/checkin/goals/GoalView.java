package org.attune.checkin.goals;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** A goal as the client and (under a grant) their therapist see it, with its weekly ratings, oldest first. */
record GoalView(
        String id,
        String text,
        boolean active,
        Instant createdAt,
        Instant updatedAt,
        Instant archivedAt,
        List<RatingView> ratings) {

    record RatingView(LocalDate week, int rating, Instant ratedAt) {}

    static GoalView of(Goal goal, List<GoalRating> ratings) {
        return new GoalView(
                goal.id(),
                goal.text(),
                goal.active(),
                goal.createdAt(),
                goal.updatedAt(),
                goal.archivedAt(),
                ratings.stream()
                        .filter(r -> r.goalId().equals(goal.id()))
                        .map(r -> new RatingView(r.week(), r.rating(), r.ratedAt()))
                        .toList());
    }

    static List<GoalView> of(List<Goal> goals, List<GoalRating> ratings) {
        Map<String, List<GoalRating>> byGoal = ratings.stream().collect(Collectors.groupingBy(GoalRating::goalId));
        return goals.stream()
                .map(g -> of(g, byGoal.getOrDefault(g.id(), List.of())))
                .toList();
    }
}
