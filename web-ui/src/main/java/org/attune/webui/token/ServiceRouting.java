package org.attune.webui.token;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpConnectTimeoutException;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.http.client.support.HttpRequestWrapper;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Sends a call addressed to a service ({@code http://checkin-service/...}, see {@link ServiceTokens#baseUrl}) to one of
 * its instances, chosen by Spring Cloud LoadBalancer (round robin over the static instance list), and when that
 * instance cannot be reached tries another, so a lost instance fails nobody's request: a GET after any I/O failure, any
 * other method only when the connection was refused or timed out, i.e. when the request cannot have been received.
 * Calls to any other address pass through unchanged.
 */
final class ServiceRouting implements ClientHttpRequestInterceptor {

    private static final Logger log = LoggerFactory.getLogger(ServiceRouting.class);

    /** First choice plus two more: with two instances a round-robin pick can land on the lost one twice. */
    static final int ATTEMPTS = 3;

    private final Function<ServiceTokens.Service, URI> choose;

    /** {@code choose} names an instance's base URL for a service (null when it knows none). */
    ServiceRouting(Function<ServiceTokens.Service, URI> choose) {
        this.choose = choose;
    }

    @Override
    public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
            throws IOException {
        var service = ServiceTokens.Service.byId(request.getURI().getHost());
        if (service == null) {
            return execution.execute(request, body);
        }
        Set<URI> tried = new HashSet<>();
        IOException last = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            var instance = pick(service, tried);
            tried.add(instance);
            try {
                return execution.execute(at(request, instance), body);
            } catch (IOException e) {
                last = e;
                if (!mayRetry(request.getMethod(), e)) {
                    throw e;
                }
                log.info(
                        "{} instance {} did not answer ({}); trying another",
                        service.id(),
                        instance.getPort(),
                        e.getClass().getSimpleName());
            }
        }
        throw last;
    }

    /** The balancer's choice, asked again (a few times) when it names an instance this call already failed on. */
    private URI pick(ServiceTokens.Service service, Set<URI> tried) throws IOException {
        URI instance = null;
        for (int i = 0; i < ATTEMPTS; i++) {
            instance = choose.apply(service);
            if (instance == null) {
                throw new ConnectException("No instance of " + service.id() + " is known");
            }
            if (!tried.contains(instance)) {
                return instance;
            }
        }
        return instance;
    }

    static boolean mayRetry(HttpMethod method, IOException failure) {
        if (HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method)) {
            return true;
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException || cause instanceof HttpConnectTimeoutException) {
                return true;
            }
        }
        return false;
    }

    private static HttpRequest at(HttpRequest request, URI instance) {
        var target = UriComponentsBuilder.fromUri(request.getURI())
                .scheme(instance.getScheme())
                .host(instance.getHost())
                .port(instance.getPort())
                .build(true)
                .toUri();
        return new HttpRequestWrapper(request) {
            @Override
            public URI getURI() {
                return target;
            }
        };
    }
}
