package org.attune.webui.progress;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.attune.webui.security.Caller;
import org.attune.webui.token.ServiceTokens;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Reads progress from checkin-service as the signed-in person. */
@Component
class HttpProgressGateway implements ProgressGateway {

    private static final Logger log = LoggerFactory.getLogger(HttpProgressGateway.class);
    static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final ServiceTokens services;

    HttpProgressGateway(ServiceTokens services) {
        this.services = services;
    }

    @Override
    public Optional<ProgressData> own(Caller client, LocalDate from, LocalDate to) {
        return read(client, "/api/v1/progress?from=" + from + "&to=" + to);
    }

    @Override
    public Optional<ProgressData> ofClient(Caller therapist, UUID clientId, LocalDate from, LocalDate to) {
        return read(therapist, "/api/v1/clients/" + clientId + "/progress?from=" + from + "&to=" + to);
    }

    private Optional<ProgressData> read(Caller caller, String path) {
        return services.getJson(ServiceTokens.Service.CHECKIN, path, caller).flatMap(node -> {
            try {
                return Optional.of(JSON.treeToValue(node, ProgressData.class));
            } catch (JacksonException | IllegalArgumentException e) {
                // The shape, never the content: progress holds health data.
                log.info("Progress answer could not be read: {}", e.getClass().getSimpleName());
                return Optional.empty();
            }
        });
    }
}
