package org.attune.checkin.goals;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A client's shared goals and their weekly ratings. The goals of a client are one document changed only by a
 * conditional write on its version (retried when another change came in between), which is how at most
 * {@link #MAX_ACTIVE} goals stay active without transactions.
 */
@Component
public class Goals {

    static final int MAX_ACTIVE = 3;
    /** Archived goals are kept until deleted; this bounds the one document they live in. */
    static final int MAX_KEPT = 30;

    static final String TOO_MANY_ACTIVE = "You are already working on three goals. Archiving one makes room for a new"
            + " one, whenever that feels right.";
    static final String TOO_MANY_KEPT =
            "There are many archived goals here. Deleting some you no longer need makes" + " room for new ones.";
    static final String NO_SUCH_GOAL = "There is no such goal among yours.";
    static final String ARCHIVED = "This goal is archived. Bring it back first if you would like to rate it.";
    private static final int ATTEMPTS = 5;

    private final ReactiveMongoTemplate mongo;
    private final Clock clock;

    Goals(ReactiveMongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
        mongo.indexOps(GoalRating.COLLECTION)
                .createIndex(new Index().on("clientId", Sort.Direction.ASC).on("week", Sort.Direction.ASC))
                .onErrorResume(e -> Mono.empty())
                .subscribe();
    }

    /** The client's goals, active first, each group in the order they were made. */
    Mono<List<Goal>> of(UUID clientId) {
        return set(clientId).map(set -> {
            var goals = new ArrayList<>(set.goals());
            goals.sort((a, b) -> Boolean.compare(b.active(), a.active()));
            return List.copyOf(goals);
        });
    }

    /** Every rating of the client's goals, oldest week first. */
    Flux<GoalRating> ratings(UUID clientId) {
        return mongo.find(
                query(where("clientId").is(clientId)).with(Sort.by(Sort.Direction.ASC, "week")), GoalRating.class);
    }

    Mono<Goal> create(UUID clientId, String text) {
        var goal = new Goal(UUID.randomUUID().toString(), text, now(), now(), null);
        return change(clientId, goals -> {
                    if (goals.stream().filter(Goal::active).count() >= MAX_ACTIVE) {
                        throw conflict(TOO_MANY_ACTIVE);
                    }
                    if (goals.size() >= MAX_KEPT) {
                        throw conflict(TOO_MANY_KEPT);
                    }
                    var next = new ArrayList<>(goals);
                    next.add(goal);
                    return next;
                })
                .thenReturn(goal);
    }

    Mono<Goal> edit(UUID clientId, String goalId, String text) {
        return update(clientId, goalId, g -> g.withText(text, now()));
    }

    Mono<Goal> archive(UUID clientId, String goalId) {
        return update(clientId, goalId, g -> g.archived(now()));
    }

    Mono<Goal> restore(UUID clientId, String goalId) {
        return change(clientId, goals -> {
                    var goal = find(goals, goalId);
                    if (!goal.active() && goals.stream().filter(Goal::active).count() >= MAX_ACTIVE) {
                        throw conflict(TOO_MANY_ACTIVE);
                    }
                    return replace(goals, goal.restored(now()));
                })
                .map(goals -> find(goals, goalId));
    }

    /** Removes the goal and every rating of it; nothing of it is kept. */
    Mono<Void> delete(UUID clientId, String goalId) {
        return change(clientId, goals -> {
                    var goal = find(goals, goalId);
                    return goals.stream().filter(g -> g != goal).toList();
                })
                .then(mongo.remove(
                        query(where("clientId").is(clientId).and("goalId").is(goalId)), GoalRating.class))
                .then();
    }

    /**
     * Rates an active goal for the week of {@code at} (UTC, weeks start on Monday). A second rating in the same week
     * replaces the first: a rating says how it feels now, so changing one's mind is allowed, not refused.
     */
    Mono<GoalRating> rate(UUID clientId, String goalId, int rating, Instant at) {
        return set(clientId).flatMap(set -> {
            var goal = find(set.goals(), goalId);
            if (!goal.active()) {
                return Mono.error(conflict(ARCHIVED));
            }
            var week = weekOf(at);
            return mongo.save(new GoalRating(
                    GoalRating.idOf(goalId, week), clientId, goalId, week, rating, at.truncatedTo(ChronoUnit.MILLIS)));
        });
    }

    /** The client's goals with every rating, for their export. */
    public Mono<List<GoalExport>> exportOf(UUID clientId) {
        return Mono.zip(of(clientId), ratings(clientId).collectList())
                .map(t -> GoalView.of(t.getT1(), t.getT2()).stream()
                        .map(g -> new GoalExport(
                                g.id(),
                                g.text(),
                                g.createdAt(),
                                g.updatedAt(),
                                g.archivedAt(),
                                g.ratings().stream()
                                        .map(r -> new GoalExport.Rating(r.week(), r.rating(), r.ratedAt()))
                                        .toList()))
                        .toList());
    }

    Mono<Void> erase(UUID clientId) {
        return mongo.remove(query(where("_id").is(clientId.toString())), GoalSet.class)
                .then(mongo.remove(query(where("clientId").is(clientId)), GoalRating.class))
                .then();
    }

    static LocalDate weekOf(Instant at) {
        return LocalDate.ofInstant(at, ZoneOffset.UTC).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    private Mono<Goal> update(UUID clientId, String goalId, UnaryOperator<Goal> how) {
        return change(clientId, goals -> replace(goals, how.apply(find(goals, goalId))))
                .map(goals -> find(goals, goalId));
    }

    private Mono<GoalSet> set(UUID clientId) {
        return mongo.findById(clientId.toString(), GoalSet.class)
                .defaultIfEmpty(new GoalSet(clientId.toString(), 0, List.of()));
    }

    /** Applies {@code how} to the current goals and stores the result only if nobody changed them meanwhile. */
    private Mono<List<Goal>> change(UUID clientId, Function<List<Goal>, List<Goal>> how) {
        return change(clientId, how, ATTEMPTS);
    }

    private Mono<List<Goal>> change(UUID clientId, Function<List<Goal>, List<Goal>> how, int attempts) {
        return set(clientId).flatMap(current -> {
            var next = how.apply(current.goals());
            Mono<Boolean> written = current.version() == 0
                    ? mongo.insert(new GoalSet(current.id(), 1, next))
                            .thenReturn(true)
                            .onErrorResume(DuplicateKeyException.class, raced -> Mono.just(false))
                    : mongo.updateFirst(
                                    query(where("_id")
                                            .is(current.id())
                                            .and("version")
                                            .is(current.version())),
                                    new Update().set("goals", next).set("version", current.version() + 1),
                                    GoalSet.class)
                            .map(result -> result.getModifiedCount() == 1);
            return written.flatMap(ok -> {
                if (ok) {
                    return Mono.just(next);
                }
                return attempts > 1
                        ? change(clientId, how, attempts - 1)
                        : Mono.error(conflict("Your goals changed meanwhile. Please try again."));
            });
        });
    }

    private static Goal find(List<Goal> goals, String goalId) {
        return goals.stream()
                .filter(g -> g.id().equals(goalId))
                .findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, NO_SUCH_GOAL));
    }

    private static List<Goal> replace(List<Goal> goals, Goal changed) {
        return goals.stream()
                .map(g -> g.id().equals(changed.id()) ? changed : g)
                .toList();
    }

    private static ResponseStatusException conflict(String message) {
        return new ResponseStatusException(HttpStatus.CONFLICT, message);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
