package org.attune.webui.token;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Predicate;
import org.attune.webui.account.SuspendedAccounts;
import org.attune.webui.config.ServicesProperties;
import org.attune.webui.security.AccountSessions;
import org.attune.webui.security.Caller;
import org.attune.webui.security.SessionEndedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.client.loadbalancer.LoadBalancerClient;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import tools.jackson.databind.JsonNode;

/** Calls the services on behalf of the signed-in person, with a freshly signed token of theirs. */
@Component
public class ServiceTokens {

    private static final Logger log = LoggerFactory.getLogger(ServiceTokens.class);

    /** A kept token is not handed out for a call that could still be under way when it expires. */
    static final Duration REUSE_MARGIN = Duration.ofSeconds(60);

    private static final int MOST_KEPT_TOKENS = 10_000;

    /** The services web-ui gathers from, by the id their instances are listed under. */
    public enum Service {
        CHECKIN("checkin-service"),
        CONTENT("content-service"),
        NOTIFICATION("notification-service");

        private final String id;

        Service(String id) {
            this.id = id;
        }

        /** The id in {@code spring.cloud.discovery.client.simple.instances}, and the host of {@link #baseUrl}. */
        public String id() {
            return id;
        }

        static Service byId(String id) {
            for (var service : values()) {
                if (service.id.equals(id)) {
                    return service;
                }
            }
            return null;
        }
    }

    private record TokenKey(java.util.UUID accountId, org.attune.events.Role role) {}

    private final TokenIssuer issuer;
    private final ServicesProperties services;
    private final Predicate<Caller> mayAct;
    private final ServiceRouting routing;
    private final RestClient rest;
    private final java.util.Map<TokenKey, TokenIssuer.Issued> recentTokens =
            new java.util.concurrent.ConcurrentHashMap<>();

    @Autowired
    ServiceTokens(
            TokenIssuer issuer,
            ServicesProperties services,
            AccountSessions sessions,
            SuspendedAccounts suspensions,
            LoadBalancerClient balancer) {
        this(
                issuer,
                services,
                caller -> sessions.status(caller) == AccountSessions.Status.CURRENT
                        && !suspensions.isSuspended(caller.id()),
                new ServiceRouting(service -> {
                    var instance = balancer.choose(service.id());
                    return instance == null ? null : instance.getUri();
                }));
    }

    /** For tests without a store: {@code mayAct} says whose tokens may be minted; one instance of each service. */
    ServiceTokens(TokenIssuer issuer, ServicesProperties services, Predicate<Caller> mayAct) {
        this(issuer, services, mayAct, new ServiceRouting(service -> switch (service) {
            case CHECKIN -> services.checkinUrl();
            case CONTENT -> services.contentUrl();
            case NOTIFICATION -> services.notificationUrl();
        }));
    }

    private ServiceTokens(
            TokenIssuer issuer, ServicesProperties services, Predicate<Caller> mayAct, ServiceRouting routing) {
        this.issuer = issuer;
        this.services = services;
        this.mayAct = mayAct;
        this.routing = routing;
        this.rest = restClient(Duration.ofSeconds(5));
    }

    /**
     * A client for calls to {@link #baseUrl} addresses: each reaches one instance of its service, and another when that
     * one cannot be reached.
     */
    public RestClient restClient(Duration readTimeout) {
        var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        var factory = new JdkClientHttpRequestFactory(http);
        factory.setReadTimeout(readTimeout);
        return RestClient.builder()
                .requestFactory(factory)
                .requestInterceptor(routing)
                .build();
    }

    /**
     * A token for this caller, for the {@code Authorization: Bearer} header; refused (and so no service call made)
     * once the caller's session has ended, while the account's email is unverified or while it is suspended.
     *
     * @throws SessionEndedException instead of a token for such a caller
     */
    public String tokenFor(Caller caller) {
        if (!mayAct.test(caller)) {
            throw new SessionEndedException();
        }
        // Signing (RS256) costs more than the call it is for: a token is reused until shortly before it expires, so
        // it still outlives a password change or an erasure by at most its lifetime.
        var key = new TokenKey(caller.id(), caller.role());
        var now = issuer.now();
        var kept = recentTokens.get(key);
        if (kept != null && kept.expiresAt().minus(REUSE_MARGIN).isAfter(now)) {
            return kept.token();
        }
        var fresh = issuer.issued(caller.id(), caller.role());
        if (recentTokens.size() >= MOST_KEPT_TOKENS) {
            recentTokens.clear();
        }
        recentTokens.put(key, fresh);
        return fresh.token();
    }

    /**
     * Where to address a call to a service: {@code http://<its id>}, which only a {@link #restClient} resolves (to one
     * of its instances).
     */
    public URI baseUrl(Service service) {
        return URI.create("http://" + service.id());
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

    /**
     * GET a document of another type (e.g. {@code application/fhir+json}) from a service as this caller, as bytes;
     * empty when the service does not answer with a success.
     */
    public Optional<byte[]> getBytes(Service service, String path, MediaType accept, Caller caller) {
        try {
            return Optional.ofNullable(rest.get()
                    .uri(baseUrl(service).resolve(path))
                    .header("Authorization", "Bearer " + tokenFor(caller))
                    .accept(accept)
                    .retrieve()
                    .body(byte[].class));
        } catch (RestClientException | IllegalArgumentException e) {
            log.info("{} did not answer {}: {}", service, path, e.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    /**
     * A service's answer: the HTTP status (0 when the service did not answer at all) and its JSON body, if any
     * (a problem+json body for errors).
     */
    public record JsonResponse(int status, JsonNode body) {

        public static final int NO_ANSWER = 0;

        public boolean ok() {
            return status >= 200 && status < 300;
        }

        public boolean answered() {
            return status != NO_ANSWER;
        }
    }

    /** GET a JSON document as this caller, keeping the status so callers can tell 403 and 404 from no answer. */
    public JsonResponse getJsonResponse(Service service, String path, Caller caller) {
        return exchange(HttpMethod.GET, service, path, null, caller);
    }

    /** POST a JSON body (or none when {@code body} is null) as this caller. */
    public JsonResponse postJson(Service service, String path, Object body, Caller caller) {
        return exchange(HttpMethod.POST, service, path, body, caller);
    }

    /** PUT a JSON body as this caller. */
    public JsonResponse putJson(Service service, String path, Object body, Caller caller) {
        return exchange(HttpMethod.PUT, service, path, body, caller);
    }

    /** DELETE as this caller. */
    public JsonResponse delete(Service service, String path, Caller caller) {
        return exchange(HttpMethod.DELETE, service, path, null, caller);
    }

    private JsonResponse exchange(HttpMethod method, Service service, String path, Object body, Caller caller) {
        try {
            var request = rest.method(method)
                    .uri(baseUrl(service).resolve(path))
                    .header("Authorization", "Bearer " + tokenFor(caller))
                    .accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON);
            if (body != null) {
                request = request.contentType(MediaType.APPLICATION_JSON).body(body);
            }
            return request.exchange((req, response) -> {
                int status = response.getStatusCode().value();
                JsonNode json = null;
                var type = response.getHeaders().getContentType();
                if (type != null && type.getSubtype().contains("json")) {
                    try {
                        json = response.bodyTo(JsonNode.class);
                    } catch (RuntimeException unreadable) {
                        json = null;
                    }
                }
                return new JsonResponse(status, json);
            });
        } catch (RestClientException | IllegalArgumentException e) {
            log.info(
                    "{} did not answer {} {}: {}",
                    service,
                    method,
                    path,
                    e.getClass().getSimpleName());
            return new JsonResponse(JsonResponse.NO_ANSWER, null);
        }
    }
}
