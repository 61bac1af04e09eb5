package org.attune.webui.safety;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.attune.webui.checkin.Outcome;
import org.attune.webui.security.Caller;

/** An in-memory checkin-service for the safety pages: keeps versions as the service does, records every call. */
public class FakeSafetyGateway implements SafetyGateway, AlertRecipients {

    public record Answered(String suggestionId, boolean accepted) {}

    public record Suggested(UUID clientId, PlanSection section, List<String> entries, String note) {}

    public volatile SafetyPlan plan = SafetyPlan.empty();
    public volatile List<OwnFlag> flags = List.of();
    public volatile long recipients = 1;
    /** When set, every call behaves as if checkin-service did not answer. */
    public volatile boolean down;
    /** When set, the next save answers 409 (someone saved in between). */
    public volatile boolean conflict;

    public volatile List<Outcome.FieldProblem> problems = List.of();

    public final List<Map<PlanSection, List<String>>> saved = new CopyOnWriteArrayList<>();
    public final List<Integer> basedOn = new CopyOnWriteArrayList<>();
    public final List<Answered> answered = new CopyOnWriteArrayList<>();
    public final List<Suggested> suggested = new CopyOnWriteArrayList<>();
    public final AtomicInteger planReads = new AtomicInteger();

    public void reset() {
        plan = SafetyPlan.empty();
        flags = List.of();
        recipients = 1;
        down = false;
        conflict = false;
        problems = List.of();
        saved.clear();
        basedOn.clear();
        answered.clear();
        suggested.clear();
        planReads.set(0);
    }

    @Override
    public long count(Caller client) {
        return recipients;
    }

    @Override
    public Optional<SafetyPlan> plan(Caller client) {
        planReads.incrementAndGet();
        return down ? Optional.empty() : Optional.of(plan);
    }

    @Override
    public Saved save(Caller client, Map<PlanSection, List<String>> sections, int basedOnVersion) {
        if (down) {
            return new Saved.Unavailable();
        }
        if (!problems.isEmpty()) {
            return new Saved.Invalid(problems);
        }
        if (conflict) {
            conflict = false;
            return new Saved.Conflict();
        }
        saved.add(sections);
        basedOn.add(basedOnVersion);
        plan = new SafetyPlan(plan.version() + 1, java.time.Instant.now(), sections, plan.suggestions());
        return new Saved.Done(plan);
    }

    @Override
    public Saved answer(Caller client, String suggestionId, boolean accept) {
        if (down) {
            return new Saved.Unavailable();
        }
        var open = plan.suggestions().stream()
                .filter(s -> s.id().equals(suggestionId))
                .findFirst();
        if (open.isEmpty()) {
            return new Saved.Conflict();
        }
        answered.add(new Answered(suggestionId, accept));
        var remaining = new ArrayList<>(plan.suggestions());
        remaining.remove(open.get());
        var sections = new java.util.EnumMap<PlanSection, List<String>>(plan.sections());
        int version = plan.version();
        if (accept) {
            sections.put(open.get().section(), open.get().entries());
            version++;
        }
        plan = new SafetyPlan(version, java.time.Instant.now(), sections, remaining);
        return new Saved.Done(plan);
    }

    @Override
    public Optional<List<OwnFlag>> ownFlags(Caller client) {
        return down ? Optional.empty() : Optional.of(flags);
    }

    @Override
    public Optional<SafetyPlan> clientPlan(Caller therapist, UUID clientId) {
        planReads.incrementAndGet();
        return down ? Optional.empty() : Optional.of(plan);
    }

    @Override
    public Outcome<SafetyPlan.Suggestion> suggest(
            Caller therapist, UUID clientId, PlanSection section, List<String> entries, String note) {
        if (down) {
            return new Outcome.Unavailable<>();
        }
        if (section == null) {
            return new Outcome.Invalid<>(List.of(new Outcome.FieldProblem("section", "is required")));
        }
        suggested.add(new Suggested(clientId, section, entries, note));
        return new Outcome.Done<>(new SafetyPlan.Suggestion(
                "s" + suggested.size(), therapist.id(), section, entries, note, java.time.Instant.now(), "OPEN"));
    }
}
