package org.attune.webui.checkin;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;
import org.attune.webui.security.Caller;
import org.attune.webui.token.ServiceTokens.Service;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriUtils;
import tools.jackson.databind.JsonNode;

/**
 * {@link ExerciseGateway} over content-service, which alone chooses: it consumes the check-in's
 * {@code CheckInRecorded}, applies its recommendation rules and stores the piece with its reason. web-ui reads the
 * client's recommendations ({@code GET /api/v1/recommendations}) for a few seconds, until an exercise recommended
 * since the check-in was sent is there, and shows it with its steps ({@code GET /api/v1/content/{slug}}).
 *
 * <p>A recommendation names its trigger event, not the check-in, so "since the check-in was sent" (less a small
 * allowance for the two services' clocks) is how this check-in's recommendation is told from earlier ones.
 */
@Component
class HttpExerciseGateway implements ExerciseGateway {

    static final Duration WAIT = Duration.ofSeconds(3);
    static final Duration POLL = Duration.ofMillis(200);
    static final Duration CLOCK_ALLOWANCE = Duration.ofSeconds(2);

    private final ServiceCalls calls;
    private final Duration wait;
    private final Duration poll;

    @Autowired
    HttpExerciseGateway(ServiceCalls calls) {
        this(calls, WAIT, POLL);
    }

    HttpExerciseGateway(ServiceCalls calls, Duration wait, Duration poll) {
        this.calls = calls;
        this.wait = wait;
        this.poll = poll;
    }

    @Override
    public Optional<Exercise> recommendedAfterCheckIn(Caller client, Instant sentAt) {
        var since = sentAt.minus(CLOCK_ALLOWANCE);
        long deadline = System.nanoTime() + wait.toNanos();
        Set<String> notExercises = new HashSet<>();
        while (true) {
            var answer = calls.get(Service.CONTENT, "/api/v1/recommendations", client);
            if (!answer.ok() || answer.body() == null) {
                // The library is down: no point in waiting for it, the view offers its built-in practice.
                return Optional.empty();
            }
            for (var recommendation : answer.body()) {
                var id = recommendation.path("recommendationId").asString("");
                if (recommendation.path("pinned").asBoolean(false)
                        || notExercises.contains(id)
                        || !madeSince(recommendation, since)) {
                    continue;
                }
                var exercise = exercise(client, recommendation);
                if (exercise.isPresent()) {
                    return exercise;
                }
                notExercises.add(id);
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return Optional.empty();
            }
            LockSupport.parkNanos(Math.min(left, poll.toNanos()));
            if (Thread.currentThread().isInterrupted()) {
                return Optional.empty();
            }
        }
    }

    private static boolean madeSince(JsonNode recommendation, Instant since) {
        try {
            return !Instant.parse(recommendation.path("recommendedAt").asString(""))
                    .isBefore(since);
        } catch (DateTimeParseException unreadable) {
            return false;
        }
    }

    /** The recommended piece with its steps, if it is an exercise. */
    private Optional<Exercise> exercise(Caller client, JsonNode recommendation) {
        var slug = recommendation.path("slug").asString("");
        if (slug.isEmpty()) {
            return Optional.empty();
        }
        var detail = calls.get(
                Service.CONTENT, "/api/v1/content/" + UriUtils.encodePathSegment(slug, StandardCharsets.UTF_8), client);
        if (!detail.ok()
                || detail.body() == null
                || !"EXERCISE".equals(detail.body().path("kind").asString(""))) {
            return Optional.empty();
        }
        var piece = detail.body();
        var steps = new ArrayList<Exercise.Step>();
        for (var step : piece.path("steps")) {
            steps.add(new Exercise.Step(
                    step.path("title").asString(null),
                    step.path("text").asString(null),
                    step.path("seconds").isNumber() ? step.path("seconds").asInt() : null));
        }
        return Optional.of(new Exercise(
                slug,
                piece.path("title").asString(recommendation.path("title").asString(slug)),
                piece.path("summary").asString(null),
                piece.path("minutes").asInt(),
                steps,
                recommendation.path("reason").asString(null)));
    }
}
