package org.attune.checkin.goals;

import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import java.util.UUID;
import org.attune.events.DataClass;
import org.attune.kit.consent.TherapistAccess;
import org.attune.kit.security.Caller;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * A client's goals for their therapist, read-only, under INSTRUMENT_SCORES: goal ratings are a goal-based outcome
 * measure, shared with the questionnaire scores they sit beside (see the README). Every read is access-logged.
 */
@RestController
class TherapistGoalController {

    static final String RESOURCE = "goals";

    private final Goals goals;
    private final TherapistAccess access;

    TherapistGoalController(Goals goals, TherapistAccess access) {
        this.goals = goals;
        this.access = access;
    }

    @Operation(summary = "A client's goals and weekly ratings, read-only (INSTRUMENT_SCORES)")
    @GetMapping("/api/v1/clients/{clientId}/goals")
    Mono<List<GoalView>> goals(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID clientId) {
        return access.read(Caller.of(jwt).id(), clientId, DataClass.INSTRUMENT_SCORES, RESOURCE)
                .then(Mono.zip(goals.of(clientId), goals.ratings(clientId).collectList()))
                .map(t -> GoalView.of(t.getT1(), t.getT2()));
    }
}
