package org.attune.webui.token;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Optional;
import org.attune.webui.config.ServicesProperties;
import org.attune.webui.security.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import tools.jackson.databind.JsonNode;

/** Calls the services on behalf of the signed-in person, with a freshly signed token of theirs. */
@Component
public class ServiceTokens {

    private static final Logger log = LoggerFactory.getLogger(ServiceTokens.class);

    /** The services web-ui gathers from. */
    public enum Service {
        CHECKIN,
        CONTENT,
        NOTIFICATION
    }

    private final TokenIssuer issuer;
    private final ServicesProperties services;
    private final RestClient rest;

    ServiceTokens(TokenIssuer issuer, ServicesProperties services) {
        this.issuer = issuer;
        this.services = services;
        var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        var factory = new JdkClientHttpRequestFactory(http);
        factory.setReadTimeout(Duration.ofSeconds(5));
        this.rest = RestClient.builder().requestFactory(factory).build();
    }

    /** A token for this caller, for the {@code Authorization: Bearer} header. */
    public String tokenFor(Caller caller) {
        return issuer.issue(caller.id(), caller.role());
    }

    public URI baseUrl(Service service) {
        return switch (service) {
            case CHECKIN -> services.checkinUrl();
            case CONTENT -> services.contentUrl();
            case NOTIFICATION -> services.notificationUrl();
        };
    }

    /** GET a JSON document from a service as this caller; empty when the service does not answer with one. */
    public Optional<JsonNode> getJson(Service service, String path, Caller caller) {
        try {
            return Optional.ofNullable(rest.get()
                    .uri(baseUrl(service).resolve(path))
                    .header("Authorization", "Bearer " + tokenFor(caller))
                    .header("Accept", "application/json")
                    .retrieve()
                    .body(JsonNode.class));
        } catch (RestClientException | IllegalArgumentException e) {
            log.info("{} did not answer {}: {}", service, path, e.getClass().getSimpleName());
            return Optional.empty();
        }
    }
}
