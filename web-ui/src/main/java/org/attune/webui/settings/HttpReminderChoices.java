package org.attune.webui.settings;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import org.attune.webui.security.Caller;
import org.attune.webui.token.ServiceTokens;
import org.attune.webui.token.ServiceTokens.JsonResponse;
import org.attune.webui.token.ServiceTokens.Service;
import org.springframework.stereotype.Component;

/** The reminder choices over HTTP with the signed-in person's own token. */
@Component
class HttpReminderChoices implements ReminderChoices {

    private final ServiceTokens services;

    HttpReminderChoices(ServiceTokens services) {
        this.services = services;
    }

    @Override
    public Result mute(Caller caller, String kind) {
        if (!KINDS.contains(kind)) {
            return Result.REFUSED;
        }
        return result(services.postJson(
                Service.NOTIFICATION, "/api/v1/preferences/muted-kinds", Map.of("kind", kind), caller));
    }

    @Override
    public Result pauseForAWeek(Caller caller) {
        return result(services.postJson(Service.NOTIFICATION, "/api/v1/preferences/pause", Map.of("days", 7), caller));
    }

    @Override
    public Result resume(Caller caller) {
        return result(services.delete(Service.NOTIFICATION, "/api/v1/preferences/pause", caller));
    }

    @Override
    public Optional<Instant> pausedUntil(Caller caller) {
        var response = services.getJsonResponse(Service.NOTIFICATION, "/api/v1/preferences", caller);
        if (!response.ok()
                || response.body() == null
                || !response.body().path("pausedUntil").isString()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(response.body().path("pausedUntil").asString()));
        } catch (DateTimeParseException unexpected) {
            return Optional.empty();
        }
    }

    static Result result(JsonResponse response) {
        if (response.ok()) {
            return Result.DONE;
        }
        return response.status() >= 400 && response.status() < 500 ? Result.REFUSED : Result.UNAVAILABLE;
    }
}
