package org.attune.webui.checkin;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.attune.events.WindowOfTolerance;
import org.attune.webui.security.Caller;
import org.attune.webui.token.ServiceTokens.Service;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * {@link ExerciseGateway} over content-service: the library's exercises ({@code GET /api/v1/content?kind=EXERCISE}),
 * 1 to 3 minutes long, chosen by topic: calming ones (breathing, grounding) when the client is above their window,
 * gently activating ones (orienting) when they are below it. The chosen piece's steps come from
 * {@code GET /api/v1/content/{slug}}.
 */
@Component
class HttpExerciseGateway implements ExerciseGateway {

    static final int MIN_MINUTES = 1;
    static final int MAX_MINUTES = 3;

    /** Topics in order of preference for each window. */
    static List<String> topicsFor(WindowOfTolerance window) {
        return switch (window) {
            case HYPER -> List.of("breathing", "grounding", "co-regulation");
            case HYPO -> List.of("orienting", "grounding");
            case WITHIN -> List.of();
        };
    }

    private final ServiceCalls calls;

    HttpExerciseGateway(ServiceCalls calls) {
        this.calls = calls;
    }

    @Override
    public Optional<Exercise> regulationExercise(Caller client, WindowOfTolerance window) {
        var topics = topicsFor(window);
        if (topics.isEmpty()) {
            return Optional.empty();
        }
        var answer = calls.get(Service.CONTENT, "/api/v1/content?kind=EXERCISE&size=100", client);
        if (!answer.ok() || answer.body() == null) {
            return Optional.empty();
        }
        var candidates = new ArrayList<JsonNode>();
        for (var item : answer.body().path("items")) {
            int minutes = item.path("minutes").asInt(0);
            if (minutes >= MIN_MINUTES && minutes <= MAX_MINUTES && rank(item, topics) < topics.size()) {
                candidates.add(item);
            }
        }
        return candidates.stream()
                .min(Comparator.comparingInt((JsonNode item) -> rank(item, topics))
                        .thenComparing(item -> item.path("slug").asString("")))
                .map(item -> withSteps(client, item));
    }

    private static int rank(JsonNode item, List<String> topics) {
        int best = topics.size();
        for (var topic : item.path("topics")) {
            int index = topics.indexOf(topic.asString());
            if (index >= 0 && index < best) {
                best = index;
            }
        }
        return best;
    }

    private Exercise withSteps(Caller client, JsonNode summary) {
        var slug = summary.path("slug").asString();
        var steps = new ArrayList<Exercise.Step>();
        var detail = calls.get(
                Service.CONTENT,
                "/api/v1/content/"
                        + org.springframework.web.util.UriUtils.encodePathSegment(
                                slug, java.nio.charset.StandardCharsets.UTF_8),
                client);
        if (detail.ok() && detail.body() != null) {
            for (var step : detail.body().path("steps")) {
                steps.add(new Exercise.Step(
                        step.path("title").asString(null),
                        step.path("text").asString(null),
                        step.path("seconds").isNumber() ? step.path("seconds").asInt() : null));
            }
        }
        return new Exercise(
                slug,
                summary.path("title").asString(slug),
                summary.path("summary").asString(null),
                summary.path("minutes").asInt(),
                steps);
    }
}
