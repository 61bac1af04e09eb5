package org.attune.webui.settings;

import java.time.DayOfWeek;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import org.attune.events.Channel;
import org.attune.webui.security.Caller;
import org.attune.webui.token.ServiceTokens;
import org.attune.webui.token.ServiceTokens.JsonResponse;
import org.attune.webui.token.ServiceTokens.Service;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/** Preferences and session rhythm over HTTP with the signed-in person's own token. */
@Component
class HttpSettingsGateway implements SettingsGateway {

    /** The service's own default for people who never chose a language. */
    static final String DEFAULT_LANGUAGE = "en";

    private final ServiceTokens services;

    HttpSettingsGateway(ServiceTokens services) {
        this.services = services;
    }

    @Override
    public Optional<Preferences> preferences(Caller caller) {
        var response = services.getJsonResponse(Service.NOTIFICATION, "/api/v1/preferences", caller);
        if (!response.ok() || response.body() == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(preferences(response.body()));
        } catch (RuntimeException unexpectedShape) {
            return Optional.empty();
        }
    }

    static Preferences preferences(JsonNode json) {
        var channels = EnumSet.noneOf(Channel.class);
        for (var c : json.path("channels")) {
            try {
                channels.add(Channel.valueOf(c.asString("")));
            } catch (IllegalArgumentException unknown) {
                // a channel this web-ui does not know yet; leave it out
            }
        }
        var muted = new ArrayList<String>();
        json.path("mutedKinds").forEach(k -> muted.add(k.asString("")));
        return new Preferences(
                json.path("timeZone").asString("UTC"),
                text(json, "dailyReminderTime"),
                json.path("weeklyQuestionnaireDay").isString()
                        ? DayOfWeek.valueOf(json.path("weeklyQuestionnaireDay").asString())
                        : null,
                text(json, "quietHoursStart"),
                text(json, "quietHoursEnd"),
                channels.isEmpty() ? EnumSet.of(Channel.IN_APP) : channels,
                text(json, "email"),
                List.copyOf(muted),
                text(json, "language") == null || text(json, "language").isBlank()
                        ? DEFAULT_LANGUAGE
                        : text(json, "language"));
    }

    private static String text(JsonNode json, String field) {
        var node = json.path(field);
        return node.isString() ? node.asString() : null;
    }

    @Override
    public Saved savePreferences(Caller caller, Preferences p) {
        var body = new LinkedHashMap<String, Object>();
        body.put("timeZone", p.timeZone());
        body.put("dailyReminderTime", p.dailyReminderTime());
        body.put("weeklyQuestionnaireDay", p.weeklyQuestionnaireDay());
        body.put("quietHoursStart", p.quietHoursStart());
        body.put("quietHoursEnd", p.quietHoursEnd());
        body.put("channels", p.channels());
        body.put("email", p.email());
        body.put("mutedKinds", p.mutedKinds());
        body.put("language", p.language() == null ? DEFAULT_LANGUAGE : p.language());
        return saved(services.putJson(Service.NOTIFICATION, "/api/v1/preferences", body, caller));
    }

    @Override
    public StoredRhythm sessionRhythm(Caller caller) {
        var response = services.getJsonResponse(Service.NOTIFICATION, "/api/v1/session-schedule", caller);
        if (response.status() == 404) {
            return StoredRhythm.none();
        }
        if (!response.ok() || response.body() == null) {
            return StoredRhythm.unknown();
        }
        try {
            return storedRhythm(response.body());
        } catch (RuntimeException unexpectedShape) {
            return StoredRhythm.unknown();
        }
    }

    static StoredRhythm storedRhythm(JsonNode json) {
        var day = text(json, "weeklyDay");
        var next = text(json, "nextSessionAt");
        return new StoredRhythm(
                StoredRhythm.State.SET,
                new SessionRhythm(
                        json.path("timeZone").asString("UTC"),
                        day == null ? null : DayOfWeek.valueOf(day),
                        text(json, "weeklyTime"),
                        json.path("durationMinutes").asInt(0)),
                next == null ? null : Instant.parse(next));
    }

    @Override
    public Saved saveSessionRhythm(Caller caller, SessionRhythm r) {
        var body = new LinkedHashMap<String, Object>();
        body.put("timeZone", r.timeZone());
        body.put("weeklyDay", r.weeklyDay());
        body.put("weeklyTime", r.weeklyTime());
        body.put("durationMinutes", r.durationMinutes());
        return saved(services.putJson(Service.NOTIFICATION, "/api/v1/session-schedule", body, caller));
    }

    static Saved saved(JsonResponse response) {
        if (response.ok()) {
            return Saved.of(Saved.Status.SAVED);
        }
        return switch (response.status()) {
            case 400 -> new Saved(Saved.Status.INVALID, fieldErrors(response.body()));
            case 401, 403 -> Saved.of(Saved.Status.REFUSED);
            default -> Saved.of(Saved.Status.UNAVAILABLE);
        };
    }

    private static java.util.Map<String, String> fieldErrors(JsonNode problem) {
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
}
