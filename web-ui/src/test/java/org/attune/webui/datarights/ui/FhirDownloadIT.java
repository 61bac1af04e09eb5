package org.attune.webui.datarights.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.attune.events.Role;
import org.attune.testsupport.AttuneIntegrationTest;
import org.attune.webui.TestHttp;
import org.attune.webui.VerifiedTherapists;
import org.attune.webui.account.Accounts;
import org.attune.webui.account.TherapistVerifications;
import org.attune.webui.datarights.DataRights;
import org.attune.webui.security.Caller;
import org.attune.webui.token.ServiceTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** "Your data" offers a client the FHIR export from checkin-service, and says so plainly when it cannot be read. */
@AttuneIntegrationTest(properties = {"attune.data-dir=target/it-data"})
@ViewPackages(packages = {"org.attune.webui.datarights.ui"})
class FhirDownloadIT extends SpringBrowserlessTest {

    static final String BUNDLE = "{\"resourceType\":\"Bundle\",\"type\":\"collection\"}";
    static final List<HttpServer> servers = new ArrayList<>();
    static final AtomicReference<String> accepted = new AtomicReference<>();
    static final AtomicInteger asked = new AtomicInteger();
    static volatile boolean checkinAnswers = true;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) throws IOException {
        for (var service : ServiceTokens.Service.values()) {
            var server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                boolean fhir = service == ServiceTokens.Service.CHECKIN
                        && checkinAnswers
                        && exchange.getRequestURI().getPath().equals("/api/v1/export/fhir")
                        && String.valueOf(exchange.getRequestHeaders().getFirst("Authorization"))
                                .startsWith("Bearer ");
                if (exchange.getRequestURI().getPath().equals("/api/v1/export/fhir")) {
                    asked.incrementAndGet();
                    accepted.set(exchange.getRequestHeaders().getFirst("Accept"));
                }
                var bytes = (fhir ? BUNDLE : "{\"status\":503}").getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders()
                        .add("Content-Type", fhir ? DataRights.FHIR_JSON : "application/problem+json");
                exchange.sendResponseHeaders(fhir ? 200 : 503, bytes.length);
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
    UserDetailsService users;

    @Autowired
    DataRights dataRights;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
        checkinAnswers = true;
    }

    private Caller signIn(String email) {
        var principal = users.loadUserByUsername(email);
        var authentication =
                UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities());
        SecurityContextHolder.getContext().setAuthentication(authentication);
        return Caller.of(authentication).orElseThrow();
    }

    private Anchor fhirLink() {
        return $(Anchor.class).id("download-fhir");
    }

    @Test
    void aClientIsOfferedTheFhirDownloadWhichIsCheckinServicesBundle() {
        var email = TestHttp.email("fay");
        accounts.register(email, TestHttp.STRONG_PASSWORD, "Fay", Role.CLIENT);
        var client = signIn(email);
        UI.getCurrent().navigate("my-data");

        assertThat(fhirLink().isVisible()).isTrue();
        assertThat(fhirLink().getText()).isEqualTo("Download as FHIR");
        assertThat(fhirLink().getHref()).isNotBlank();

        int before = asked.get();
        var bytes = dataRights.fhirExport(client);

        assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo(BUNDLE);
        assertThat(asked.get()).isEqualTo(before + 1);
        assertThat(accepted.get()).isEqualTo(DataRights.FHIR_JSON);
    }

    @Test
    void whenCheckinServiceDoesNotAnswerTheFileSaysSoInFhirsOwnWords() {
        var email = TestHttp.email("gil");
        accounts.register(email, TestHttp.STRONG_PASSWORD, "Gil", Role.CLIENT);
        var client = signIn(email);
        checkinAnswers = false;

        var text = new String(dataRights.fhirExport(client), StandardCharsets.UTF_8);

        assertThat(text).contains("\"resourceType\": \"OperationOutcome\"").contains("please try again later");
    }

    @Test
    void aTherapistIsNotOfferedTheFhirDownload() {
        var email = TestHttp.email("hal");
        VerifiedTherapists.register(accounts, verifications, email, "Dr. Hal");
        signIn(email);
        UI.getCurrent().navigate("my-data");

        var view = (MyDataView) getCurrentView();
        assertThat(view.downloadFhir.isVisible()).isFalse();
        assertThat($(Anchor.class).all()).extracting(Anchor::getText).doesNotContain("Download as FHIR");
        assertThat(view.download.isVisible()).isTrue();
    }
}
