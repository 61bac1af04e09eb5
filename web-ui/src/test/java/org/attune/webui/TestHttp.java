package org.attune.webui;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small HTTP client for the integration tests: JSON in and out, optional cookies (a browser session). */
public final class TestHttp {

    public static final JsonMapper JSON = JsonMapper.builder().build();
    public static final String STRONG_PASSWORD = "copper lantern drifting harbour";

    private final int port;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient client;

    public TestHttp(int port) {
        this.port = port;
        this.client = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .cookieHandler(cookies)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    public HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30));
    }

    public HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpResponse<String> get(String path) {
        return send(request(path).GET().build());
    }

    public HttpResponse<String> get(String path, String bearer) {
        return send(
                request(path).header("Authorization", "Bearer " + bearer).GET().build());
    }

    public HttpResponse<String> postJson(String path, String json) {
        return send(request(path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build());
    }

    public HttpResponse<String> postJson(String path, String json, String bearer) {
        return send(request(path)
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + bearer)
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build());
    }

    public HttpResponse<String> delete(String path, String bearer) {
        return send(request(path)
                .header("Authorization", "Bearer " + bearer)
                .DELETE()
                .build());
    }

    public HttpResponse<String> token(String email, String password) {
        var basic = Base64.getEncoder().encodeToString((email + ":" + password).getBytes(StandardCharsets.UTF_8));
        return send(request("/api/token")
                .header("Authorization", "Basic " + basic)
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());
    }

    /** The operator of the test configuration (src/test/resources/config/application.yml). */
    public static final String OPERATOR_EMAIL = "operator@it.example";

    public static final String OPERATOR_PASSWORD = "stone river quietly humming";

    /**
     * Registers an account as a person does (the API, then the link from the verification mail in {@link TestMail})
     * and returns its id; a therapist is then verified by the operator, as clients need.
     */
    public String register(String email, String name, String role) {
        var id = registerWithVerifiedEmail(email, name, role);
        if (role.equals("THERAPIST")) {
            verifyTherapist(id);
        }
        return id;
    }

    /** Registers a therapist whose email is verified and whose professional registration waits for the operator. */
    public String registerWaitingTherapist(String email, String name) {
        return registerWithVerifiedEmail(email, name, "THERAPIST");
    }

    private String registerWithVerifiedEmail(String email, String name, String role) {
        registerUnverified(email, name, role);
        verifyEmail(email);
        var token = accessToken(email);
        var payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        return JSON.readTree(payload).get("sub").asString();
    }

    /** Opens the link of the verification mail sent to {@code email}, through the API. */
    public void verifyEmail(String email) {
        var verified = postJson(
                "/api/email-verifications",
                "{\"token\":\"" + TestMail.token(TestMail.await(email, "Confirm your email")) + "\"}");
        if (verified.statusCode() != 204) {
            throw new IllegalStateException("Verification failed: " + verified.statusCode() + " " + verified.body());
        }
    }

    /** Registers through the API only: the account waits for its email to be verified. */
    public void registerUnverified(String email, String name, String role) {
        var professional = role.equals("THERAPIST")
                ? ",\"professionalRegistration\":{\"body\":\"Test Board\",\"number\":\"T-1\",\"country\":\"GB\"}"
                : "";
        var response = postJson(
                "/api/accounts",
                "{\"email\":\"" + email + "\",\"password\":\"" + STRONG_PASSWORD + "\",\"displayName\":\"" + name
                        + "\",\"role\":\"" + role + "\"" + professional + "}");
        if (response.statusCode() != 202) {
            throw new IllegalStateException("Registration failed: " + response.statusCode() + " " + response.body());
        }
    }

    /** The operator verifies a therapist, through the operator API in a browser session of its own. */
    public void verifyTherapist(String therapistId) {
        var operator = new TestHttp(port);
        operator.formLogin(OPERATOR_EMAIL, OPERATOR_PASSWORD);
        var response = operator.postWithCsrf("/api/operator/therapists/" + therapistId + "/verify");
        if (response.statusCode() != 204) {
            throw new IllegalStateException("Verification failed: " + response.statusCode() + " " + response.body());
        }
    }

    /** A session-authenticated POST without a body, with the session's CSRF token. */
    public HttpResponse<String> postWithCsrf(String path) {
        var csrf = json(get("/api/csrf"));
        return send(request(path)
                .header(csrf.get("headerName").asString(), csrf.get("token").asString())
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());
    }

    /** A unique email for a test account. */
    public static String email(String who) {
        return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }

    public String accessToken(String email) {
        var response = token(email, STRONG_PASSWORD);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Token refused: " + response.statusCode());
        }
        return json(response).get("access_token").asString();
    }

    /** Signs in through the login form, as a browser would; returns the response to the form post. */
    public HttpResponse<String> formLogin(String email, String password) {
        get("/login");
        return send(request("/login")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username="
                        + URLEncoder.encode(email, StandardCharsets.UTF_8) + "&password="
                        + URLEncoder.encode(password, StandardCharsets.UTF_8)))
                .build());
    }

    public String sessionId() {
        return cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals("JSESSIONID"))
                .map(HttpCookie::getValue)
                .findFirst()
                .orElse(null);
    }

    public static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }
}
