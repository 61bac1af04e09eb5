package org.attune.webui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.vaadin.flow.server.VaadinServletContext;
import com.vaadin.flow.server.startup.ApplicationConfiguration;
import jakarta.servlet.ServletContext;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.attune.events.AccountErased;
import org.attune.events.Role;
import org.attune.events.Topics;
import org.attune.kit.access.AccessLog;
import org.attune.kit.consent.ConsentProjection;
import org.attune.kit.erasure.ErasedAccounts;
import org.attune.kit.messaging.AppliedEvents;
import org.attune.kit.outbox.OutboxRelay;
import org.attune.kit.web.ServletProblemDetailsAdvice;
import org.attune.testsupport.AttuneIntegrationTest;
import org.attune.testsupport.EventProbe;
import org.attune.testsupport.EventPublisher;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.listener.DefaultErrorHandler;

/** The whole application on a random port, against the test broker and store, reached over real HTTP. */
// Vaadin logs its mode at INFO; the log configuration on the test classpath keeps other libraries at WARN.
@AttuneIntegrationTest(properties = "logging.level.com.vaadin.flow.server.DefaultDeploymentConfiguration=INFO")
class WebUiIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @Autowired
    org.attune.kit.messaging.EventPublisher appPublisher;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    AppliedEvents appliedEvents;

    @Autowired
    ServletContext servletContext;

    @Autowired
    ApplicationContext context;

    @Test
    void theKitGivesWebUiOnlyThePartsThatFitAServletApplication() {
        assertThat(context.getBeansOfType(ServletProblemDetailsAdvice.class)).hasSize(1);
        assertThat(context.getBeansOfType(DefaultErrorHandler.class)).hasSize(1);
        assertThat(context.getBeansOfType(OutboxRelay.class))
                .as("the one relay, over the blocking store")
                .hasSize(1);
        for (var reactiveOnly : List.of(ConsentProjection.class, AccessLog.class, ErasedAccounts.class)) {
            assertThat(context.getBeanNamesForType(reactiveOnly))
                    .as(reactiveOnly.getSimpleName())
                    .isEmpty();
        }
    }

    @Test
    void healthIsUp() throws Exception {
        var response = management("/actuator/health");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"status\":\"UP\"");
    }

    @Test
    void readinessProbeIsUp() throws Exception {
        var response = management("/actuator/health/readiness");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"status\":\"UP\"");
    }

    @Test
    void prometheusServesMetricsWithoutLoginOnTheManagementPort() throws Exception {
        var response = management("/actuator/prometheus");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("jvm_memory_used_bytes").contains("attune_password_hashes");
    }

    @Test
    void thePublicPortServesNoActuatorEndpoints() throws Exception {
        assertThat(managementPort).isNotEqualTo(port);
        for (var path : List.of("/actuator/prometheus", "/actuator/health", "/actuator/env")) {
            var response = get(path);

            assertThat(response.body())
                    .as(path)
                    .doesNotContain("jvm_memory_used_bytes")
                    .doesNotContain("\"UP\"");
        }
    }

    @Test
    void welcomePageServesTheVaadinBootstrapPage() throws Exception {
        var response = get("/");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(response.body()).contains("id=\"outlet\"").contains("VAADIN/build/");
    }

    @Test
    void vaadinRunsInProductionModeOnThePrecompiledBundle() throws Exception {
        assertThat(get("/").statusCode()).isEqualTo(200);

        var configuration = ApplicationConfiguration.get(new VaadinServletContext(servletContext));
        assertThat(configuration.isProductionMode()).isTrue();
    }

    @Test
    void crisisResourcesAndLoginArePublic() throws Exception {
        assertThat(get("/help").statusCode()).isEqualTo(200);
        assertThat(get("/login").statusCode()).isEqualTo(200);
    }

    @Test
    void protectedRouteRedirectsToLogin() throws Exception {
        var response = get("/today");

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).endsWith("/login"));
    }

    @Test
    void signInIsRefusedWhileThereAreNoAccounts() throws Exception {
        var browser = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .cookieHandler(new CookieManager())
                .build();
        browser.send(request("/login").GET().build(), HttpResponse.BodyHandlers.discarding());

        var response = browser.send(
                request("/login")
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("username=someone&password=anything"))
                        .build(),
                HttpResponse.BodyHandlers.discarding());

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).endsWith("/login?error"));
    }

    @Test
    void publishedEventReachesTheBroker() throws Exception {
        var event = AccountErased.of(UUID.randomUUID(), Role.CLIENT);
        try (var probe = EventProbe.open(bootstrapServers, Topics.ACCOUNTS)) {
            appPublisher.publishAndWait(event);

            var seen = probe.await(AccountErased.class, e -> e.eventId().equals(event.eventId()), WAIT);
            assertThat(seen).isEqualTo(event);
        }
    }

    @Test
    void consumedAccountErasedIsRecordedAsApplied() {
        var event = AccountErased.of(UUID.randomUUID(), Role.THERAPIST);
        try (var publisher = new EventPublisher(bootstrapServers)) {
            publisher.publish(event);
        }

        awaitApplied(event.eventId());
    }

    @Test
    void garbageGoesToTheDeadLetterTopicAndTheNextEventIsStillApplied() throws Exception {
        var deadLetters = Topics.deadLetterOf(Topics.ACCOUNTS);
        var good = AccountErased.of(UUID.randomUUID(), Role.CLIENT);
        try (var probe = EventProbe.open(bootstrapServers, deadLetters);
                var publisher = new EventPublisher(bootstrapServers)) {
            var garbage = "this is not an event".getBytes(StandardCharsets.UTF_8);
            publisher.publishRaw(Topics.ACCOUNTS, good.kafkaKey(), garbage);

            var parked = probe.awaitRecord(deadLetters, WAIT);
            assertThat(parked.value()).isEqualTo(garbage);

            publisher.publish(good);
        }

        awaitApplied(good.eventId());
    }

    private void awaitApplied(UUID eventId) {
        await().atMost(WAIT).untilAsserted(() -> {
            var applied = mongo.findById(eventId.toString(), Document.class, "applied_events");
            assertThat(applied).isNotNull();
            assertThat(applied.getString("topic")).isEqualTo(Topics.ACCOUNTS);
        });
        // A redelivery of the same event is recognised as a repeat.
        assertThat(appliedEvents.firstTime(eventId, Topics.ACCOUNTS).block()).isFalse();
    }

    private HttpResponse<String> management(String path) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + path))
                        .timeout(Duration.ofSeconds(30))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30));
    }
}
