package org.attune.webui.progress;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.attune.webui.security.Caller;
import org.attune.webui.token.ServiceTokens;
import org.attune.webui.token.ServiceTokens.JsonResponse;
import org.attune.webui.token.ServiceTokens.Service;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/** Reads and changes goals in checkin-service as the signed-in person; the service decides who may. */
@Component
class HttpGoalsGateway implements GoalsGateway {

    private static final Logger log = LoggerFactory.getLogger(HttpGoalsGateway.class);
    private static final String GOALS = "/api/v1/goals";

    private final ServiceTokens services;

    HttpGoalsGateway(ServiceTokens services) {
        this.services = services;
    }

    @Override
    public Optional<List<Goal>> own(Caller client) {
        return read(client, GOALS);
    }

    @Override
    public Optional<List<Goal>> ofClient(Caller therapist, UUID clientId) {
        return read(therapist, "/api/v1/clients/" + clientId + "/goals");
    }

    @Override
    public Change create(Caller client, String text) {
        return change(services.postJson(Service.CHECKIN, GOALS, Map.of("text", text), client));
    }

    @Override
    public Change edit(Caller client, String goalId, String text) {
        return change(services.putJson(Service.CHECKIN, path(goalId), Map.of("text", text), client));
    }

    @Override
    public Change archive(Caller client, String goalId) {
        return change(services.postJson(Service.CHECKIN, path(goalId) + "/archive", null, client));
    }

    @Override
    public Change restore(Caller client, String goalId) {
        return change(services.postJson(Service.CHECKIN, path(goalId) + "/restore", null, client));
    }

    @Override
    public Change delete(Caller client, String goalId) {
        return change(services.delete(Service.CHECKIN, path(goalId), client));
    }

    @Override
    public Change rate(Caller client, String goalId, int rating) {
        return change(services.putJson(Service.CHECKIN, path(goalId) + "/rating", Map.of("rating", rating), client));
    }

    private static String path(String goalId) {
        return GOALS + "/" + goalId;
    }

    private Optional<List<Goal>> read(Caller caller, String path) {
        return services.getJson(Service.CHECKIN, path, caller).flatMap(json -> {
            try {
                return Optional.of(goals(json));
            } catch (RuntimeException unreadable) {
                // The shape, never the content: goals are the client's words.
                log.info(
                        "Goals answer could not be read: {}",
                        unreadable.getClass().getSimpleName());
                return Optional.empty();
            }
        });
    }

    static List<Goal> goals(JsonNode json) {
        var goals = new ArrayList<Goal>();
        for (var g : json) {
            var ratings = new ArrayList<Goal.Rating>();
            for (var r : g.path("ratings")) {
                ratings.add(new Goal.Rating(
                        LocalDate.parse(r.path("week").asString()),
                        r.path("rating").asInt()));
            }
            goals.add(new Goal(
                    g.path("id").asString(),
                    g.path("text").asString(""),
                    g.path("active").asBoolean(true),
                    instant(g.path("createdAt")),
                    instant(g.path("archivedAt")),
                    ratings));
        }
        return goals;
    }

    private static Instant instant(JsonNode node) {
        return node.isMissingNode() || node.isNull() ? null : Instant.parse(node.asString());
    }

    private static Change change(JsonResponse answer) {
        if (answer.ok()) {
            return new Change.Done();
        }
        if (answer.status() == 409 || answer.status() == 404) {
            return new Change.Refused();
        }
        if (answer.status() == 400) {
            return new Change.Invalid();
        }
        return new Change.Unavailable();
    }
}
