package org.attune.webui.consent.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.textfield.PasswordField;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.attune.events.DataClass;
import org.attune.events.Role;
import org.attune.testsupport.AttuneIntegrationTest;
import org.attune.webui.TestHttp;
import org.attune.webui.VerifiedTherapists;
import org.attune.webui.account.Accounts;
import org.attune.webui.account.TherapistVerifications;
import org.attune.webui.consent.GrantStatus;
import org.attune.webui.consent.Grants;
import org.attune.webui.security.Caller;
import org.attune.webui.token.ServiceTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Sharing and revoking through the views, without a browser, against the real store and broker; checkin-, content-
 * and notification-service are small local stand-ins that serve their access logs (or do not answer).
 */
@AttuneIntegrationTest(properties = {"attune.data-dir=target/it-data"})
@ViewPackages(packages = {"org.attune.webui.consent.ui", "org.attune.webui.datarights.ui"})
class SharingViewIT extends SpringBrowserlessTest {

    /** Each service's {@code GET /api/v1/access-log} answer; a service without one does not answer (503). */
    static final Map<ServiceTokens.Service, String> accessLogs = new ConcurrentHashMap<>();

    static final List<HttpServer> servers = new ArrayList<>();

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) throws IOException {
        for (var service : ServiceTokens.Service.values()) {
            var server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                var body = exchange.getRequestURI().getPath().equals("/api/v1/access-log")
                                && String.valueOf(exchange.getRequestHeaders().getFirst("Authorization"))
                                        .startsWith("Bearer ")
                        ? accessLogs.get(service)
                        : null;
                var bytes = (body == null ? "{\"status\":503}" : body).getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders()
                        .add("Content-Type", body == null ? "application/problem+json" : "application/json");
                exchange.sendResponseHeaders(body == null ? 503 : 200, bytes.length);
                exchange.getResponseBody().write(bytes);
                exchange.close();
            });
            server.start();
            servers.add(server);
            registry.add(
                    "attune.services." + service.name().toLowerCase(Locale.ROOT) + "-url",
                    () -> "http://127.0.0.1:" + server.getAddress().getPort());
        }
    }

    @AfterAll
    static void stopServices() {
        servers.forEach(server -> server.stop(0));
    }

    @Autowired
    Accounts accounts;

    @Autowired
    TherapistVerifications verifications;

    @Autowired
    Grants grants;

    @Autowired
    UserDetailsService users;

    String clientEmail;
    String therapistEmail;

    @BeforeEach
    void people() {
        clientEmail = TestHttp.email("rae");
        accounts.register(clientEmail, TestHttp.STRONG_PASSWORD, "Rae", Role.CLIENT);
        therapistEmail = TestHttp.email("sol");
        VerifiedTherapists.register(accounts, verifications, therapistEmail, "Dr. Sol");
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
        accessLogs.clear();
    }

    private Caller signIn(String email) {
        var principal = users.loadUserByUsername(email);
        var authentication =
                UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities());
        SecurityContextHolder.getContext().setAuthentication(authentication);
        return Caller.of(authentication).orElseThrow();
    }

    @Test
    void aClientSharesWithATherapistByEmailAndStopsWithOneClick() {
        var client = signIn(clientEmail);
        var view = navigate(SharingView.class);
        assertThat(view.current.getElement().getTextRecursively()).contains("not sharing anything");

        test(view.therapistEmail).setValue(therapistEmail);
        test(view.dataClasses).selectItem("Mood check-ins");
        test(view.dataClasses).selectItem("Safety alerts");
        test(view.share).click();

        var grant = grants.list(client).getFirst();
        assertThat(grant.status()).isEqualTo(GrantStatus.ACTIVE);
        assertThat(grant.dataClasses()).containsExactlyInAnyOrder(DataClass.MOOD_CHECKINS, DataClass.SAFETY_ALERTS);
        assertThat(view.current.getElement().getTextRecursively())
                .contains("Dr. Sol")
                .contains("Mood check-ins");

        test($(Button.class, view.current).withText("Stop sharing").single()).click();

        assertThat(grants.list(client).getFirst().status()).isEqualTo(GrantStatus.INACTIVE);
        assertThat(view.current.getElement().getTextRecursively()).contains("not sharing anything");
        assertThat(view.past.getElement().getTextRecursively()).contains("Dr. Sol");
    }

    @Test
    void deletingTheAccountWithAWrongPasswordDeletesNothingAndSaysSo() {
        signIn(clientEmail);
        UI.getCurrent().navigate("my-data");

        assertThat($(Anchor.class).withText("Download my data").single().getHref())
                .isNotBlank();
        test($(PasswordField.class).withCaption("Your password, to confirm").single())
                .setValue("not my password");
        test($(Button.class).withText("Delete my account").single()).click();

        var password =
                $(PasswordField.class).withCaption("Your password, to confirm").single();
        assertThat(password.isInvalid()).isTrue();
        assertThat(password.getErrorMessage()).contains("Nothing was deleted");
        assertThat(accounts.byEmail(clientEmail)).isPresent();
    }

    @Test
    void sharingNothingIsExplainedAndStoresNothing() {
        var client = signIn(clientEmail);
        var view = navigate(SharingView.class);

        test(view.therapistEmail).setValue(therapistEmail);
        test(view.share).click();

        assertThat(view.dataClasses.isInvalid()).isTrue();
        assertThat(grants.list(client)).isEmpty();
    }

    @Test
    void theAccessLogSaysHonestlyWhenServicesDoNotAnswer() {
        signIn(clientEmail);
        var view = navigate(SharingView.class);

        var text = view.accessLog.getElement().getTextRecursively();
        assertThat(text).contains("No one has looked").contains("did not answer");
    }

    private static String entry(String therapistId, String dataClass, Instant at) {
        return "{\"therapistId\":" + (therapistId == null ? "null" : "\"" + therapistId + "\"") + ",\"reader\":"
                + (therapistId == null ? "\"an erased therapist account\"" : "null") + ",\"dataClass\":\"" + dataClass
                + "\",\"resource\":\"/api/v1/clients/x\",\"at\":\"" + at + "\"}";
    }

    private static String log(String... entries) {
        return "{\"entries\":[" + String.join(",", entries) + "]}";
    }

    @Test
    void theAccessLogIsOneListFromEveryServiceNewestFirstWithErasedTherapistsUnderAPseudonym() {
        signIn(clientEmail);
        var sol = accounts.byEmail(therapistEmail).orElseThrow().id();
        var now = Instant.now();
        accessLogs.put(
                ServiceTokens.Service.CHECKIN,
                log(entry(sol, "MOOD_CHECKINS", now.minusSeconds(300)), entry(null, "NOTES", now.minusSeconds(900))));
        accessLogs.put(ServiceTokens.Service.CONTENT, log(entry(sol, "CONTENT_ACTIVITY", now.minusSeconds(600))));
        accessLogs.put(ServiceTokens.Service.NOTIFICATION, log(entry(sol, "SAFETY_ALERTS", now.minusSeconds(60))));

        var view = navigate(SharingView.class);

        var lines = view.accessLog
                .getChildren()
                .map(line -> line.getElement().getTextRecursively())
                .toList();
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).startsWith("Dr. Sol — Safety alerts");
        assertThat(lines.get(1)).startsWith("Dr. Sol — Mood check-ins");
        assertThat(lines.get(2)).startsWith("Dr. Sol — Practices and reading");
        assertThat(lines.get(3)).startsWith("An erased therapist account — ");
        assertThat(String.join("\n", lines)).doesNotContain("did not answer").doesNotContain("incomplete");
    }

    @Test
    void aReaderWhoseAccountIsGoneIsShownAsAnErasedTherapistAccountNeverAsAnId() {
        signIn(clientEmail);
        var gone = UUID.randomUUID().toString();
        for (var service : ServiceTokens.Service.values()) {
            accessLogs.put(service, log());
        }
        accessLogs.put(ServiceTokens.Service.CHECKIN, log(entry(gone, "MOOD_CHECKINS", Instant.now())));

        var view = navigate(SharingView.class);

        var text = view.accessLog.getElement().getTextRecursively();
        assertThat(text)
                .startsWith("An erased therapist account — Mood check-ins")
                .doesNotContain(gone);
        assertThat(text).doesNotContain("did not answer");
    }

    @Test
    void theListSaysItMayBeIncompleteOnlyWhenAServiceDidNotAnswerAndNamesIt() {
        signIn(clientEmail);
        var sol = accounts.byEmail(therapistEmail).orElseThrow().id();
        accessLogs.put(ServiceTokens.Service.CHECKIN, log(entry(sol, "MOOD_CHECKINS", Instant.now())));
        accessLogs.put(ServiceTokens.Service.CONTENT, log());

        var view = navigate(SharingView.class);

        var text = view.accessLog.getElement().getTextRecursively();
        assertThat(text).contains("Dr. Sol").contains("may be incomplete: notification.");
        assertThat(text).doesNotContain("checkin,").doesNotContain("content");
    }
}
