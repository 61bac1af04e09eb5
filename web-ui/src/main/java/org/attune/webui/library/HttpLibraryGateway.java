package org.attune.webui.library;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.attune.webui.security.Caller;
import org.attune.webui.token.ServiceTokens;
import org.attune.webui.token.ServiceTokens.JsonResponse;
import org.attune.webui.token.ServiceTokens.Service;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/** The library over HTTP, with the signed-in person's own short-lived token. */
@Component
class HttpLibraryGateway implements LibraryGateway {

    /** The service's own slug rule; anything else is never put into a path. */
    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private static final Pattern RECOMMENDATION_ID = Pattern.compile("[A-Za-z0-9:_-]{1,200}");

    private final ServiceTokens services;

    HttpLibraryGateway(ServiceTokens services) {
        this.services = services;
    }

    @Override
    public Reply<Content.Page> browse(Caller caller, String query, Content.Kind kind, int page) {
        var path = new StringBuilder("/api/v1/content?size=" + PAGE_SIZE + "&page=" + Math.max(0, page));
        if (query != null && !query.isBlank()) {
            path.append("&q=").append(URLEncoder.encode(query.strip(), StandardCharsets.UTF_8));
        }
        if (kind != null) {
            path.append("&kind=").append(kind.name());
        }
        return read(
                services.getJsonResponse(Service.CONTENT, path.toString(), caller),
                json -> new Content.Page(
                        list(json.path("items"), HttpLibraryGateway::summary),
                        json.path("total").asLong(0)));
    }

    @Override
    public Reply<Content.Piece> piece(Caller caller, String slug) {
        if (!isSlug(slug)) {
            return Reply.of(Reply.Status.NOT_FOUND);
        }
        return read(services.getJsonResponse(Service.CONTENT, "/api/v1/content/" + slug, caller), json -> {
            var breathing = json.path("breathing");
            return new Content.Piece(
                    json.path("slug").asString(slug),
                    json.path("title").asString(""),
                    kind(json.path("kind").asString(null)),
                    json.path("minutes").asInt(0),
                    json.path("reviewedBy").asString(null),
                    json.path("summary").asString(null),
                    list(
                            json.path("steps"),
                            step -> new Content.Step(
                                    step.path("title").asString(null),
                                    step.path("text").asString(""),
                                    step.path("seconds").isNumber()
                                            ? step.path("seconds").asInt()
                                            : null)),
                    breathing.isObject()
                            ? new Content.Breathing(
                                    breathing.path("inhaleSeconds").asInt(0),
                                    breathing.path("holdSeconds").asInt(0),
                                    breathing.path("exhaleSeconds").asInt(0),
                                    breathing.path("cycles").asInt(0))
                            : null,
                    json.path("body").asString(""));
        });
    }

    @Override
    public Reply<Void> engage(Caller caller, String slug, Content.Engagement engagement) {
        if (!isSlug(slug)) {
            return Reply.of(Reply.Status.NOT_FOUND);
        }
        return read(
                services.postJson(
                        Service.CONTENT,
                        "/api/v1/content/" + slug + "/engagements",
                        Map.of("kind", engagement.name()),
                        caller),
                json -> null);
    }

    @Override
    public Reply<List<Content.Recommendation>> recommendations(Caller caller) {
        return read(
                services.getJsonResponse(Service.CONTENT, "/api/v1/recommendations", caller),
                json -> list(
                        json,
                        r -> new Content.Recommendation(
                                r.path("recommendationId").asString(""),
                                r.path("slug").asString(""),
                                r.path("title").asString(""),
                                r.path("reason").asString(null),
                                r.path("pinned").asBoolean(false))));
    }

    @Override
    public Reply<Void> dismiss(Caller caller, String recommendationId) {
        if (recommendationId == null
                || !RECOMMENDATION_ID.matcher(recommendationId).matches()) {
            return Reply.of(Reply.Status.NOT_FOUND);
        }
        return read(
                services.postJson(
                        Service.CONTENT, "/api/v1/recommendations/" + recommendationId + "/dismiss", null, caller),
                json -> null);
    }

    @Override
    public Reply<List<Content.Assignment>> myAssignments(Caller caller) {
        return read(
                services.getJsonResponse(Service.CONTENT, "/api/v1/assignments", caller),
                json -> list(json, HttpLibraryGateway::assignment));
    }

    @Override
    public Reply<List<Content.Assignment>> assignmentsOf(Caller therapist, UUID clientId) {
        return read(
                services.getJsonResponse(Service.CONTENT, "/api/v1/clients/" + clientId + "/assignments", therapist),
                json -> list(json, HttpLibraryGateway::assignment));
    }

    @Override
    public Reply<Content.Assignment> assign(Caller therapist, UUID clientId, String slug, String note) {
        if (!isSlug(slug)) {
            return Reply.of(Reply.Status.NOT_FOUND);
        }
        var body = new LinkedHashMap<String, Object>();
        body.put("slug", slug);
        if (note != null && !note.isBlank()) {
            body.put("note", note.strip());
        }
        return read(
                services.postJson(Service.CONTENT, "/api/v1/clients/" + clientId + "/assignments", body, therapist),
                HttpLibraryGateway::assignment);
    }

    private static boolean isSlug(String slug) {
        return slug != null && slug.length() <= 120 && SLUG.matcher(slug).matches();
    }

    /** Maps a service answer to a reply; problem+json field errors become field → message. */
    static <T> Reply<T> read(JsonResponse response, Function<JsonNode, T> mapper) {
        if (!response.answered() || response.status() >= 500) {
            return Reply.of(Reply.Status.UNAVAILABLE);
        }
        if (response.ok()) {
            try {
                return Reply.ok(response.body() == null ? mapper.apply(null) : mapper.apply(response.body()));
            } catch (RuntimeException unexpectedShape) {
                return Reply.of(Reply.Status.UNAVAILABLE);
            }
        }
        return switch (response.status()) {
            case 401, 403 -> Reply.of(Reply.Status.NOT_SHARED);
            case 404 -> Reply.of(Reply.Status.NOT_FOUND);
            case 400 -> Reply.invalid(fieldErrors(response.body()));
            default -> Reply.of(Reply.Status.UNAVAILABLE);
        };
    }

    static Map<String, String> fieldErrors(JsonNode problem) {
        var errors = new LinkedHashMap<String, String>();
        if (problem != null) {
            for (var error : problem.path("errors")) {
                errors.putIfAbsent(
                        error.path("field").asString("body"),
                        error.path("message").asString(""));
            }
        }
        return errors;
    }

    private static <T> List<T> list(JsonNode array, Function<JsonNode, T> mapper) {
        var out = new ArrayList<T>();
        if (array != null && array.isArray()) {
            array.forEach(item -> out.add(mapper.apply(item)));
        }
        return List.copyOf(out);
    }

    private static Content.Summary summary(JsonNode json) {
        var topics = new ArrayList<String>();
        json.path("topics").forEach(t -> topics.add(t.asString("")));
        return new Content.Summary(
                json.path("slug").asString(""),
                json.path("title").asString(""),
                kind(json.path("kind").asString(null)),
                List.copyOf(topics),
                json.path("minutes").asInt(0),
                json.path("summary").asString(null));
    }

    private static Content.Assignment assignment(JsonNode json) {
        return new Content.Assignment(
                json.path("assignmentId").asString(""),
                json.path("slug").asString(""),
                json.path("title").asString(""),
                json.path("note").asString(null),
                json.path("dueDate").isString()
                        ? LocalDate.parse(json.path("dueDate").asString())
                        : null,
                json.path("assignedAt").isString()
                        ? Instant.parse(json.path("assignedAt").asString())
                        : null,
                json.path("completed").asBoolean(false),
                json.path("completedAt").isString()
                        ? Instant.parse(json.path("completedAt").asString())
                        : null);
    }

    private static Content.Kind kind(String name) {
        if (name == null) {
            return Content.Kind.READING;
        }
        try {
            return Content.Kind.valueOf(name);
        } catch (IllegalArgumentException unknown) {
            return Content.Kind.READING;
        }
    }
}
