package org.attune.checkin.safetyplan;

import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import org.attune.kit.security.Caller;
import org.attune.kit.web.FieldRules;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The client's own safety plan: read it, save a new version, answer a therapist's suggestion. */
@RestController
@RequestMapping("/api/v1/safety-plan")
class SafetyPlanController {

    private final SafetyPlans plans;

    SafetyPlanController(SafetyPlans plans) {
        this.plans = plans;
    }

    /** {@code basedOnVersion}: the version the client started from; a save after another one in between is a 409. */
    record SaveRequest(PlanSections sections, Integer basedOnVersion) {}

    @Operation(summary = "The caller's safety plan (latest version, version 0 if none yet) with open suggestions")
    @GetMapping
    Mono<PlanView> plan(@AuthenticationPrincipal Jwt jwt) {
        return view(Caller.of(jwt).id());
    }

    @Operation(summary = "Save the caller's safety plan as a new version")
    @PutMapping
    Mono<PlanView> save(@AuthenticationPrincipal Jwt jwt, @RequestBody SaveRequest body) {
        var clientId = Caller.of(jwt).id();
        var rules = new FieldRules();
        if (rules.required("sections", body.sections())) {
            body.sections().check("sections", rules);
        }
        if (body.basedOnVersion() != null && body.basedOnVersion() < 0) {
            rules.add("basedOnVersion", "must be 0 or more");
        }
        rules.throwIfAny();
        return plans.save(clientId, body.sections(), body.basedOnVersion(), null)
                .then(view(clientId));
    }

    @Operation(summary = "Every saved version of the caller's safety plan, newest first")
    @GetMapping("/versions")
    Mono<List<PlanView.VersionView>> versions(@AuthenticationPrincipal Jwt jwt) {
        return plans.versions(Caller.of(jwt).id()).map(PlanView.VersionView::of).collectList();
    }

    @Operation(summary = "Take a therapist's suggestion into the caller's plan (a new version)")
    @PostMapping("/suggestions/{suggestionId}/accept")
    Mono<PlanView> accept(@AuthenticationPrincipal Jwt jwt, @PathVariable String suggestionId) {
        var clientId = Caller.of(jwt).id();
        return plans.accept(clientId, suggestionId).then(view(clientId));
    }

    @Operation(summary = "Decline a therapist's suggestion; the plan stays as it is")
    @PostMapping("/suggestions/{suggestionId}/decline")
    Mono<PlanView> decline(@AuthenticationPrincipal Jwt jwt, @PathVariable String suggestionId) {
        var clientId = Caller.of(jwt).id();
        return plans.decline(clientId, suggestionId).then(view(clientId));
    }

    private Mono<PlanView> view(java.util.UUID clientId) {
        return Mono.zip(
                        plans.latest(clientId).map(java.util.Optional::of).defaultIfEmpty(java.util.Optional.empty()),
                        plans.openFor(clientId).collectList())
                .map(t -> PlanView.of(t.getT1().orElse(null), t.getT2()));
    }
}
