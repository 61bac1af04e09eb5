package org.attune.webui.library;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.attune.webui.security.Caller;
import org.attune.webui.token.ServiceTokens;
import org.attune.webui.token.ServiceTokens.Service;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/** Reflection answers over HTTP, with the signed-in person's own token. */
@Component
class HttpReflectionAnswers implements ReflectionAnswers {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private final ServiceTokens services;

    HttpReflectionAnswers(ServiceTokens services) {
        this.services = services;
    }

    @Override
    public Reply<Answer> answer(Caller client, String slug) {
        if (!isSlug(slug)) {
            return Reply.of(Reply.Status.NOT_FOUND);
        }
        return HttpLibraryGateway.read(
                services.getJsonResponse(Service.CONTENT, path(slug), client), HttpReflectionAnswers::answer);
    }

    @Override
    public Reply<Answer> save(Caller client, String slug, String text, boolean shared) {
        if (!isSlug(slug)) {
            return Reply.of(Reply.Status.NOT_FOUND);
        }
        var body = new LinkedHashMap<String, Object>();
        body.put("text", text);
        body.put("shared", shared);
        return HttpLibraryGateway.read(
                services.putJson(Service.CONTENT, path(slug), body, client), HttpReflectionAnswers::answer);
    }

    @Override
    public Reply<Void> remove(Caller client, String slug) {
        if (!isSlug(slug)) {
            return Reply.of(Reply.Status.NOT_FOUND);
        }
        return HttpLibraryGateway.read(services.delete(Service.CONTENT, path(slug), client), json -> null);
    }

    @Override
    public Reply<List<SharedAnswer>> sharedBy(Caller therapist, UUID clientId) {
        return HttpLibraryGateway.read(
                services.getJsonResponse(Service.CONTENT, "/api/v1/clients/" + clientId + "/reflections", therapist),
                json -> {
                    var out = new ArrayList<SharedAnswer>();
                    json.forEach(a -> out.add(new SharedAnswer(
                            a.path("slug").asString(""),
                            a.path("title").asString(""),
                            a.path("text").asString(""),
                            instant(a.path("updatedAt")))));
                    return List.copyOf(out);
                });
    }

    private static String path(String slug) {
        return "/api/v1/content/" + slug + "/answer";
    }

    private static boolean isSlug(String slug) {
        return slug != null && slug.length() <= 120 && SLUG.matcher(slug).matches();
    }

    private static Answer answer(JsonNode json) {
        return new Answer(
                json.path("text").asString(""), json.path("shared").asBoolean(false), instant(json.path("updatedAt")));
    }

    private static Instant instant(JsonNode node) {
        return node.isString() ? Instant.parse(node.asString()) : null;
    }
}
