package org.attune.webui.measures;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.attune.webui.security.Caller;
import org.attune.webui.token.ServiceTokens;
import org.attune.webui.token.ServiceTokens.Service;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/** {@link MeasuresGateway} over checkin-service's {@code /api/v1/measures} and {@code /clients/{id}/measures}. */
@Component
class HttpMeasuresGateway implements MeasuresGateway {

    private final ServiceTokens services;

    HttpMeasuresGateway(ServiceTokens services) {
        this.services = services;
    }

    @Override
    public Optional<List<DueMeasure>> mine(Caller client) {
        var answer = services.getJsonResponse(Service.CHECKIN, "/api/v1/measures", client);
        if (!answer.ok() || answer.body() == null) {
            return Optional.empty();
        }
        var list = new ArrayList<DueMeasure>();
        for (var m : answer.body()) {
            list.add(new DueMeasure(
                    m.path("id").asString(),
                    m.path("code").asString(),
                    m.path("title").asString(m.path("code").asString()),
                    DueMeasure.State.valueOf(m.path("state").asString()),
                    date(m, "dueDate"),
                    date(m, "openUntil"),
                    date(m, "nextDue")));
        }
        return Optional.of(list);
    }

    @Override
    public boolean change(Caller client, String measureId, Change change) {
        var path = "/api/v1/measures/" + measureId + "/" + change.name().toLowerCase(Locale.ROOT);
        return services.postJson(Service.CHECKIN, path, null, client).ok();
    }

    @Override
    public Optional<List<Questionnaire>> questionnaires(Caller caller) {
        var answer = services.getJsonResponse(Service.CHECKIN, "/api/v1/questionnaires", caller);
        if (!answer.ok() || answer.body() == null) {
            return Optional.empty();
        }
        var list = new ArrayList<Questionnaire>();
        for (var q : answer.body()) {
            list.add(
                    new Questionnaire(q.path("code").asString(), q.path("title").asString()));
        }
        return Optional.of(list);
    }

    @Override
    public Optional<List<ScheduledMeasure>> scheduledFor(Caller therapist, UUID clientId) {
        var answer = services.getJsonResponse(Service.CHECKIN, path(clientId), therapist);
        if (!answer.ok() || answer.body() == null) {
            return Optional.empty();
        }
        var list = new ArrayList<ScheduledMeasure>();
        answer.body().forEach(m -> list.add(scheduled(m)));
        return Optional.of(list);
    }

    @Override
    public AssignResult assign(Caller therapist, UUID clientId, MeasureRequest request) {
        var body = new LinkedHashMap<String, Object>();
        body.put("code", request.code());
        body.put("every", request.every());
        body.put("unit", request.unit());
        body.put(
                "firstDue",
                request.firstDue() == null ? null : request.firstDue().toString());
        if (request.windowDays() != null) {
            body.put("windowDays", request.windowDays());
        }
        var answer = services.postJson(Service.CHECKIN, path(clientId), body, therapist);
        return switch (answer.status()) {
            case 200, 201 -> new AssignResult.Scheduled(scheduled(answer.body()));
            case 400 -> {
                var fields = new LinkedHashMap<String, String>();
                if (answer.body() != null) {
                    for (var error : answer.body().path("errors")) {
                        fields.putIfAbsent(
                                error.path("field").asString(""),
                                error.path("message").asString(""));
                    }
                }
                yield new AssignResult.Invalid(fields);
            }
            case 403 -> new AssignResult.NotShared();
            case 409 -> new AssignResult.AlreadyScheduled();
            default -> new AssignResult.Unavailable();
        };
    }

    private static String path(UUID clientId) {
        return "/api/v1/clients/" + clientId + "/measures";
    }

    private static ScheduledMeasure scheduled(JsonNode m) {
        return new ScheduledMeasure(
                m.path("id").asString(),
                m.path("code").asString(),
                m.path("title").asString(m.path("code").asString()),
                m.path("every").asInt(),
                m.path("unit").asString(),
                m.path("windowDays").asInt(),
                date(m, "firstDue"),
                m.path("state").asString(),
                date(m, "dueDate"),
                date(m, "lastDueDate"),
                m.path("lastWindow").isString() ? m.path("lastWindow").asString() : null);
    }

    private static LocalDate date(JsonNode node, String field) {
        var value = node.path(field);
        return value.isString() ? LocalDate.parse(value.asString()) : null;
    }
}
