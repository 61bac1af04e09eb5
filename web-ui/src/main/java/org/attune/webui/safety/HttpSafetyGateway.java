package org.attune.webui.safety;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.attune.webui.checkin.Outcome;
import org.attune.webui.security.Caller;
import org.attune.webui.token.ServiceTokens;
import org.attune.webui.token.ServiceTokens.JsonResponse;
import org.attune.webui.token.ServiceTokens.Service;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriUtils;
import tools.jackson.databind.JsonNode;

/** {@link SafetyGateway} over checkin-service's HTTP API, with a freshly signed token of the caller's. */
@Component
class HttpSafetyGateway implements SafetyGateway {

    private final ServiceTokens services;

    HttpSafetyGateway(ServiceTokens services) {
        this.services = services;
    }

    @Override
    public Optional<SafetyPlan> plan(Caller client) {
        return read(services.getJsonResponse(Service.CHECKIN, "/api/v1/safety-plan", client));
    }

    @Override
    public Saved save(Caller client, Map<PlanSection, List<String>> sections, int basedOnVersion) {
        var body = new LinkedHashMap<String, Object>();
        var fields = new LinkedHashMap<String, List<String>>();
        sections.forEach((section, entries) -> fields.put(section.field(), entries));
        body.put("sections", fields);
        body.put("basedOnVersion", basedOnVersion);
        return saved(services.putJson(Service.CHECKIN, "/api/v1/safety-plan", body, client));
    }

    @Override
    public Saved answer(Caller client, String suggestionId, boolean accept) {
        var path = "/api/v1/safety-plan/suggestions/" + segment(suggestionId) + (accept ? "/accept" : "/decline");
        return saved(services.postJson(Service.CHECKIN, path, null, client));
    }

    @Override
    public Optional<List<OwnFlag>> ownFlags(Caller client) {
        var answer = services.getJsonResponse(Service.CHECKIN, "/api/v1/safety-flags", client);
        if (!answer.ok() || answer.body() == null || !answer.body().isArray()) {
            return Optional.empty();
        }
        var flags = new ArrayList<OwnFlag>();
        for (var flag : answer.body()) {
            flags.add(new OwnFlag(
                    flag.path("id").asString(),
                    flag.path("reason").asString(null),
                    instant(flag.path("raisedAt")),
                    flag.path("acknowledgedAt").isString()));
        }
        return Optional.of(flags);
    }

    @Override
    public Optional<SafetyPlan> clientPlan(Caller therapist, UUID clientId) {
        return read(
                services.getJsonResponse(Service.CHECKIN, "/api/v1/clients/" + clientId + "/safety-plan", therapist));
    }

    @Override
    public Outcome<SafetyPlan.Suggestion> suggest(
            Caller therapist, UUID clientId, PlanSection section, List<String> entries, String note) {
        var body = new LinkedHashMap<String, Object>();
        body.put("section", section == null ? null : section.name());
        body.put("entries", entries);
        if (note != null && !note.isBlank()) {
            body.put("note", note);
        }
        var answer = services.postJson(
                Service.CHECKIN, "/api/v1/clients/" + clientId + "/safety-plan/suggestions", body, therapist);
        if (answer.ok() && answer.body() != null) {
            return new Outcome.Done<>(suggestion(answer.body()));
        }
        var problems = problems(answer);
        return problems.isEmpty() ? new Outcome.Unavailable<>() : new Outcome.Invalid<>(problems);
    }

    private static Optional<SafetyPlan> read(JsonResponse answer) {
        if (!answer.ok() || answer.body() == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(plan(answer.body()));
        } catch (RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    private static Saved saved(JsonResponse answer) {
        if (answer.ok() && answer.body() != null) {
            return new Saved.Done(plan(answer.body()));
        }
        if (answer.status() == 409) {
            return new Saved.Conflict();
        }
        var problems = problems(answer);
        return problems.isEmpty() ? new Saved.Unavailable() : new Saved.Invalid(problems);
    }

    private static List<Outcome.FieldProblem> problems(JsonResponse answer) {
        var problems = new ArrayList<Outcome.FieldProblem>();
        if (answer.status() == 400 && answer.body() != null) {
            for (var error : answer.body().path("errors")) {
                problems.add(new Outcome.FieldProblem(
                        error.path("field").asString(""), error.path("message").asString("")));
            }
        }
        return problems;
    }

    static SafetyPlan plan(JsonNode json) {
        var sections = new EnumMap<PlanSection, List<String>>(PlanSection.class);
        for (var section : PlanSection.values()) {
            sections.put(section, strings(json.path("sections").path(section.field())));
        }
        var suggestions = new ArrayList<SafetyPlan.Suggestion>();
        for (var suggestion : json.path("suggestions")) {
            suggestions.add(suggestion(suggestion));
        }
        return new SafetyPlan(json.path("version").asInt(0), instant(json.path("savedAt")), sections, suggestions);
    }

    private static SafetyPlan.Suggestion suggestion(JsonNode json) {
        PlanSection section;
        try {
            section = PlanSection.valueOf(json.path("section").asString(""));
        } catch (IllegalArgumentException unknown) {
            section = null;
        }
        UUID therapist;
        try {
            therapist = json.path("therapistId").isString()
                    ? UUID.fromString(json.path("therapistId").asString())
                    : null;
        } catch (IllegalArgumentException malformed) {
            therapist = null;
        }
        return new SafetyPlan.Suggestion(
                json.path("id").asString(),
                therapist,
                section,
                strings(json.path("entries")),
                json.path("note").isString() ? json.path("note").asString() : null,
                instant(json.path("suggestedAt")),
                json.path("status").asString("OPEN"));
    }

    private static List<String> strings(JsonNode node) {
        var values = new ArrayList<String>();
        for (var value : node) {
            values.add(value.asString());
        }
        return values;
    }

    private static Instant instant(JsonNode node) {
        try {
            return node.isString() ? Instant.parse(node.asString()) : null;
        } catch (RuntimeException unreadable) {
            return null;
        }
    }

    private static String segment(String id) {
        return UriUtils.encodePathSegment(id, java.nio.charset.StandardCharsets.UTF_8);
    }
}
