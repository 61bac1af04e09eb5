package org.attune.webui.safety;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.attune.webui.checkin.Outcome;
import org.attune.webui.security.Caller;

/**
 * What the safety pages ask of checkin-service. An empty answer or {@link Outcome.Unavailable} means the service did
 * not answer (or refused), never "there is nothing".
 */
public interface SafetyGateway {

    /** {@code GET /api/v1/safety-plan}. */
    Optional<SafetyPlan> plan(Caller client);

    /** {@code PUT /api/v1/safety-plan}; a {@link Saved.Conflict} when another save came after {@code basedOnVersion}. */
    Saved save(Caller client, java.util.Map<PlanSection, List<String>> sections, int basedOnVersion);

    /** {@code POST /api/v1/safety-plan/suggestions/{id}/accept|decline}; the plan as it is afterwards. */
    Saved answer(Caller client, String suggestionId, boolean accept);

    /** {@code GET /api/v1/safety-flags}: the client's own flags, for whether a therapist has seen them. */
    Optional<List<OwnFlag>> ownFlags(Caller client);

    /** {@code GET /api/v1/clients/{id}/safety-plan}: read-only, with this therapist's suggestions. */
    Optional<SafetyPlan> clientPlan(Caller therapist, UUID clientId);

    /** {@code POST /api/v1/clients/{id}/safety-plan/suggestions}. */
    Outcome<SafetyPlan.Suggestion> suggest(
            Caller therapist, UUID clientId, PlanSection section, List<String> entries, String note);

    /** One of the client's safety flags: when it was raised and whether a therapist has acknowledged it. */
    record OwnFlag(String id, String reason, java.time.Instant raisedAt, boolean acknowledged) {}

    /** What came of a save or an answer to a suggestion. */
    sealed interface Saved {
        record Done(SafetyPlan plan) implements Saved {}

        record Invalid(List<Outcome.FieldProblem> problems) implements Saved {}

        /** Someone saved in between (409): the plan is not changed by this request. */
        record Conflict() implements Saved {}

        record Unavailable() implements Saved {}
    }
}
