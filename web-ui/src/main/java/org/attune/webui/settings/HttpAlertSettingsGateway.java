package org.attune.webui.settings;

import java.util.LinkedHashMap;
import java.util.Optional;
import org.attune.webui.security.Caller;
import org.attune.webui.settings.SettingsGateway.Saved;
import org.attune.webui.token.ServiceTokens;
import org.attune.webui.token.ServiceTokens.Service;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/** The alert settings over HTTP with the therapist's own token. */
@Component
class HttpAlertSettingsGateway implements AlertSettingsGateway {

    static final String PATH = "/api/v1/alert-settings";

    private final ServiceTokens services;

    HttpAlertSettingsGateway(ServiceTokens services) {
        this.services = services;
    }

    @Override
    public Optional<AlertSettings> alertSettings(Caller therapist) {
        var response = services.getJsonResponse(Service.NOTIFICATION, PATH, therapist);
        if (!response.ok() || response.body() == null) {
            return Optional.empty();
        }
        return Optional.of(alertSettings(response.body()));
    }

    static AlertSettings alertSettings(JsonNode json) {
        var address = json.path("escalationEmail");
        return new AlertSettings(
                json.path("acknowledgementWindowMinutes").asInt(DEFAULT_WINDOW_MINUTES),
                address.isString() && !address.asString().isBlank() ? address.asString() : null);
    }

    @Override
    public Saved saveAlertSettings(Caller therapist, AlertSettings settings) {
        var body = new LinkedHashMap<String, Object>();
        body.put("acknowledgementWindowMinutes", settings.acknowledgementWindowMinutes());
        body.put("escalationEmail", settings.escalationEmail());
        return HttpSettingsGateway.saved(services.putJson(Service.NOTIFICATION, PATH, body, therapist));
    }
}
