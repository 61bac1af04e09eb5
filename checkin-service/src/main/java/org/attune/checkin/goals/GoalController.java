package org.attune.checkin.goals;

import io.swagger.v3.oas.annotations.Operation;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.attune.checkin.web.RecordedAt;
import org.attune.kit.security.Caller;
import org.attune.kit.web.FieldRules;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The client's own shared goals: make, reword, archive, bring back, delete, and rate them (0–10, weekly). */
@RestController
@RequestMapping("/api/v1/goals")
class GoalController {

    static final int MAX_TEXT = 200;

    private final Goals goals;
    private final Clock clock;

    GoalController(Goals goals, Clock clock) {
        this.goals = goals;
        this.clock = clock;
    }

    record GoalRequest(String text) {}

    record RatingRequest(Integer rating, Instant recordedAt) {}

    @Operation(summary = "The caller's goals (active first) with their weekly ratings")
    @GetMapping
    Mono<List<GoalView>> list(@AuthenticationPrincipal Jwt jwt) {
        return views(Caller.of(jwt).id());
    }

    @Operation(summary = "Add a goal in the caller's own words (at most three active)")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Mono<GoalView> create(@AuthenticationPrincipal Jwt jwt, @RequestBody GoalRequest body) {
        var clientId = Caller.of(jwt).id();
        return goals.create(clientId, text(body)).map(g -> GoalView.of(g, List.of()));
    }

    @Operation(summary = "Reword one of the caller's goals")
    @PutMapping("/{goalId}")
    Mono<GoalView> edit(@AuthenticationPrincipal Jwt jwt, @PathVariable String goalId, @RequestBody GoalRequest body) {
        var clientId = Caller.of(jwt).id();
        return goals.edit(clientId, goalId, text(body)).flatMap(g -> view(clientId, g));
    }

    @Operation(summary = "Archive one of the caller's goals (kept with its ratings, no longer rated)")
    @PostMapping("/{goalId}/archive")
    Mono<GoalView> archive(@AuthenticationPrincipal Jwt jwt, @PathVariable String goalId) {
        var clientId = Caller.of(jwt).id();
        return goals.archive(clientId, goalId).flatMap(g -> view(clientId, g));
    }

    @Operation(summary = "Bring an archived goal back (if fewer than three are active)")
    @PostMapping("/{goalId}/restore")
    Mono<GoalView> restore(@AuthenticationPrincipal Jwt jwt, @PathVariable String goalId) {
        var clientId = Caller.of(jwt).id();
        return goals.restore(clientId, goalId).flatMap(g -> view(clientId, g));
    }

    @Operation(summary = "Delete one of the caller's goals and all its ratings")
    @DeleteMapping("/{goalId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> delete(@AuthenticationPrincipal Jwt jwt, @PathVariable String goalId) {
        return goals.delete(Caller.of(jwt).id(), goalId);
    }

    @Operation(summary = "Rate a goal 0–10 for this week; a second rating in the same week replaces the first")
    @PutMapping("/{goalId}/rating")
    Mono<GoalView> rate(
            @AuthenticationPrincipal Jwt jwt, @PathVariable String goalId, @RequestBody RatingRequest body) {
        var clientId = Caller.of(jwt).id();
        var rules = new FieldRules();
        rules.range("rating", body.rating(), 0, 10, true);
        var at = RecordedAt.resolve(body.recordedAt(), clock.instant(), rules);
        rules.throwIfAny();
        return goals.rate(clientId, goalId, body.rating(), at)
                .then(views(clientId))
                .map(all -> all.stream()
                        .filter(g -> g.id().equals(goalId))
                        .findFirst()
                        .orElseThrow());
    }

    private static String text(GoalRequest body) {
        var rules = new FieldRules();
        var text = body == null || body.text() == null ? null : body.text().strip();
        if (rules.required("text", text == null || text.isEmpty() ? null : text)) {
            rules.maxLength("text", text, MAX_TEXT);
        }
        rules.throwIfAny();
        return text;
    }

    private Mono<GoalView> view(UUID clientId, Goal goal) {
        return goals.ratings(clientId)
                .filter(r -> r.goalId().equals(goal.id()))
                .collectList()
                .map(ratings -> GoalView.of(goal, ratings));
    }

    private Mono<List<GoalView>> views(UUID clientId) {
        return Mono.zip(goals.of(clientId), goals.ratings(clientId).collectList())
                .map(t -> GoalView.of(t.getT1(), t.getT2()));
    }
}
