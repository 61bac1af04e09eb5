package org.attune.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.attune.infra.local.LocalStack;

/**
 * The stack's operator (created from {@code ATTUNE_OPERATOR_EMAIL}/{@code _PASSWORD}, see {@link SystemStack}) in a
 * browser session of its own: operators get no tokens, so this signs in through the login form and sends the CSRF
 * token with each action, as the operator desk's page does.
 */
final class Operator {

    static final String EMAIL = "operator@attune.example";
    static final String PASSWORD = "lighthouse keeper evening tide";

    // One per stack: the fault test runs a cluster stack of its own beside the shared one, and an operator signed in
    // to one stack's web-ui would verify therapists there (404 on the other).
    private static final java.util.Map<URI, Operator> SIGNED_IN = new java.util.HashMap<>();

    private final URI base;
    private final HttpClient http;

    private Operator(URI base) {
        this.base = base;
        this.http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    /** One signed-in operator per stack for all tests of the JVM. */
    static synchronized Operator of(LocalStack stack) {
        return SIGNED_IN.computeIfAbsent(stack.webUiUrl(), base -> {
            var operator = new Operator(base);
            operator.signIn();
            return operator;
        });
    }

    private void signIn() {
        send(HttpRequest.newBuilder(base.resolve("/login")).GET());
        var response = send(HttpRequest.newBuilder(base.resolve("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + URLEncoder.encode(EMAIL, StandardCharsets.UTF_8)
                        + "&password=" + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8))));
        if (response.headers().firstValue("Location").orElse("error").contains("error")) {
            throw new IllegalStateException("The operator could not sign in");
        }
    }

    /** Verifies a waiting therapist; the answer's status (204 when done). */
    synchronized int verify(UUID therapistId) {
        return post("/api/operator/therapists/" + therapistId + "/verify").statusCode();
    }

    synchronized HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET());
    }

    private HttpResponse<String> post(String path) {
        var csrf = Api.JSON.readTree(get("/api/csrf").body());
        return send(HttpRequest.newBuilder(base.resolve(path))
                .header(csrf.get("headerName").asString(), csrf.get("token").asString())
                .POST(HttpRequest.BodyPublishers.noBody()));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
