package org.attune.webui.checkin;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.attune.webui.security.Caller;
import org.attune.webui.token.ServiceTokens;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON calls to a service as the signed-in person, keeping the status and the body (problem+json included) so the
 * caller can show field problems. Never logs a body: it may carry health data.
 */
@Component
class ServiceCalls {

    private static final Logger log = LoggerFactory.getLogger(ServiceCalls.class);

    /** A service's answer; {@code status} 0 means it did not answer at all. */
    record Answer(int status, JsonNode body) {

        boolean ok() {
            return status >= 200 && status < 300;
        }

        /** The problem+json {@code errors} list of a 400, as field problems; empty for anything else. */
        List<Outcome.FieldProblem> fieldProblems() {
            var problems = new ArrayList<Outcome.FieldProblem>();
            if (status == 400 && body != null) {
                for (var error : body.path("errors")) {
                    problems.add(new Outcome.FieldProblem(
                            error.path("field").asString(""),
                            error.path("message").asString("")));
                }
            }
            return problems;
        }

        <T> Outcome<T> outcome(java.util.function.Function<JsonNode, T> read) {
            if (ok() && body != null) {
                try {
                    return new Outcome.Done<>(read.apply(body));
                } catch (RuntimeException unreadable) {
                    log.info("Unreadable answer: {}", unreadable.getClass().getSimpleName());
                    return new Outcome.Unavailable<>();
                }
            }
            var problems = fieldProblems();
            return problems.isEmpty() ? new Outcome.Unavailable<>() : new Outcome.Invalid<>(problems);
        }
    }

    private final java.util.function.Function<Caller, String> tokenFor;
    private final java.util.function.Function<ServiceTokens.Service, URI> baseUrl;
    private final RestClient rest;
    private final JsonMapper json = JsonMapper.builder().build();

    @org.springframework.beans.factory.annotation.Autowired
    ServiceCalls(ServiceTokens tokens) {
        this(tokens::tokenFor, tokens::baseUrl, tokens.restClient(Duration.ofSeconds(5)));
    }

    /** For tests: where the services are and how a caller's token looks, without web-ui's signing key. */
    ServiceCalls(
            java.util.function.Function<Caller, String> tokenFor,
            java.util.function.Function<ServiceTokens.Service, URI> baseUrl) {
        this(tokenFor, baseUrl, plainClient());
    }

    private ServiceCalls(
            java.util.function.Function<Caller, String> tokenFor,
            java.util.function.Function<ServiceTokens.Service, URI> baseUrl,
            RestClient rest) {
        this.tokenFor = tokenFor;
        this.baseUrl = baseUrl;
        this.rest = rest;
    }

    private static RestClient plainClient() {
        var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        var factory = new JdkClientHttpRequestFactory(http);
        factory.setReadTimeout(Duration.ofSeconds(5));
        return RestClient.builder().requestFactory(factory).build();
    }

    Answer get(ServiceTokens.Service service, String path, Caller caller) {
        return send(HttpMethod.GET, service, path, caller, null, Map.of());
    }

    Answer post(ServiceTokens.Service service, String path, Caller caller, Object body, Map<String, String> headers) {
        return send(HttpMethod.POST, service, path, caller, body, headers);
    }

    private Answer send(
            HttpMethod method,
            ServiceTokens.Service service,
            String path,
            Caller caller,
            Object body,
            Map<String, String> headers) {
        try {
            URI uri = baseUrl.apply(service).resolve(path);
            var request = rest.method(method)
                    .uri(uri)
                    .header("Authorization", "Bearer " + tokenFor.apply(caller))
                    .header("Accept", "application/json, application/problem+json");
            headers.forEach(request::header);
            if (body != null) {
                request = request.contentType(MediaType.APPLICATION_JSON).body(json.writeValueAsBytes(body));
            }
            return request.exchange((req, response) -> {
                int status = response.getStatusCode().value();
                byte[] bytes = response.getBody().readAllBytes();
                return new Answer(status, parse(bytes));
            });
        } catch (RestClientException | IllegalArgumentException | JacksonException e) {
            log.info(
                    "{} did not answer {} {}: {}",
                    service,
                    method,
                    pathOnly(path),
                    e.getClass().getSimpleName());
            return new Answer(0, null);
        }
    }

    private JsonNode parse(byte[] bytes) throws IOException {
        if (bytes.length == 0) {
            return null;
        }
        try {
            return json.readTree(bytes);
        } catch (JacksonException notJson) {
            return null;
        }
    }

    private static String pathOnly(String path) {
        int query = path.indexOf('?');
        return query < 0 ? path : path.substring(0, query);
    }

    static Optional<String> text(JsonNode node, String field) {
        var value = node.path(field);
        return value.isString() ? Optional.of(value.asString()) : Optional.empty();
    }
}
