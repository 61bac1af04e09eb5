package org.attune.content.recommendation;

import io.swagger.v3.oas.annotations.Operation;
import java.time.Instant;
import java.util.List;
import org.attune.kit.security.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;

/** What the service suggests to the signed-in client, crisis resources first when they are pinned. */
@RestController
class RecommendationController {

    private final RecommendationEngine engine;

    RecommendationController(RecommendationEngine engine) {
        this.engine = engine;
    }

    record RecommendationView(
            String recommendationId,
            String slug,
            String title,
            String reason,
            String ruleId,
            boolean pinned,
            Instant recommendedAt) {
        static RecommendationView of(Recommendation r) {
            return new RecommendationView(
                    r.recommendationId(), r.slug(), r.title(), r.reason(), r.ruleId(), r.pinned(), r.createdAt());
        }
    }

    @Operation(summary = "Take a recommendation off the client's list.")
    @PostMapping("/api/v1/recommendations/{recommendationId}/dismiss")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> dismiss(@AuthenticationPrincipal Jwt jwt, @PathVariable String recommendationId) {
        // The path rules let only clients reach recommendations.
        var caller = Caller.of(jwt);
        return engine.dismiss(caller.id(), recommendationId)
                .switchIfEmpty(Mono.error(
                        new ResponseStatusException(HttpStatus.NOT_FOUND, "There is no such recommendation.")))
                .then();
    }

    @Operation(summary = "List the signed-in client's recommendations, pinned ones first.")
    @GetMapping("/api/v1/recommendations")
    Mono<List<RecommendationView>> mine(@AuthenticationPrincipal Jwt jwt) {
        var caller = Caller.of(jwt);
        return engine.listFor(caller.id())
                .map(list -> list.stream().map(RecommendationView::of).toList());
    }
}
