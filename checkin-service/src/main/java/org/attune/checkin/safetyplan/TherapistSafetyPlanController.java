package org.attune.checkin.safetyplan;

import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.attune.events.DataClass;
import org.attune.kit.consent.TherapistAccess;
import org.attune.kit.security.Caller;
import org.attune.kit.web.FieldRules;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * A client's safety plan for their therapist: read-only, under SAFETY_ALERTS (the plan belongs with the alerts it
 * helps with), every read access-logged. The therapist may suggest a change to one section; only the client changes
 * the plan.
 */
@RestController
@RequestMapping("/api/v1/clients/{clientId}/safety-plan")
class TherapistSafetyPlanController {

    static final String RESOURCE = "safety-plan";
    static final int MAX_NOTE_LENGTH = 1000;

    private final SafetyPlans plans;
    private final TherapistAccess access;

    TherapistSafetyPlanController(SafetyPlans plans, TherapistAccess access) {
        this.plans = plans;
        this.access = access;
    }

    record SuggestionRequest(SafetyPlanSection section, List<String> entries, String note) {}

    @Operation(summary = "A client's safety plan, read-only, with this therapist's suggestions (SAFETY_ALERTS)")
    @GetMapping
    Mono<PlanView> plan(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID clientId) {
        var therapistId = Caller.of(jwt).id();
        return access.read(therapistId, clientId, DataClass.SAFETY_ALERTS, RESOURCE)
                .then(Mono.zip(
                        plans.latest(clientId).map(Optional::of).defaultIfEmpty(Optional.empty()),
                        plans.byTherapist(clientId, therapistId).collectList()))
                .map(t -> PlanView.of(t.getT1().orElse(null), t.getT2()));
    }

    @Operation(summary = "Suggest a change to one section of a client's safety plan; the client accepts it or not")
    @PostMapping("/suggestions")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<PlanView.SuggestionView> suggest(
            @AuthenticationPrincipal Jwt jwt, @PathVariable UUID clientId, @RequestBody SuggestionRequest body) {
        var therapistId = Caller.of(jwt).id();
        return access.read(therapistId, clientId, DataClass.SAFETY_ALERTS, RESOURCE + "/suggestions")
                .then(Mono.defer(() -> {
                    var entries = PlanSections.tidy(body.entries());
                    var rules = new FieldRules();
                    rules.required("section", body.section());
                    if (rules.required("entries", body.entries())) {
                        PlanSections.checkEntries("entries", entries, rules);
                    }
                    rules.maxLength("note", body.note(), MAX_NOTE_LENGTH);
                    rules.throwIfAny();
                    return plans.suggest(clientId, therapistId, body.section(), entries, body.note());
                }))
                .map(PlanView.SuggestionView::of);
    }
}
