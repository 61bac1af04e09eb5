package org.attune.webui.home.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.attune.testsupport.AttuneIntegrationTest;
import org.attune.webui.TestHttp;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The safety paths in headless Debian Chromium, with a small stand-in for checkin-service that cannot store a
 * questionnaire: the header button opens the crisis lines and raises nothing; PHQ-9's question 9 above 0 shows the
 * lines at once, and they stay when the answers cannot be sent. Screenshots go to {@code target/screens/}.
 */
@AttuneIntegrationTest(properties = {"attune.data-dir=target/it-data"})
class SafetyScreensIT {

    static HttpServer stub;
    static final AtomicInteger helpNowCalls = new AtomicInteger();
    static final AtomicInteger responsesTried = new AtomicInteger();

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) throws Exception {
        stub = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        stub.createContext("/", exchange -> {
            var path = exchange.getRequestURI().getPath();
            String body;
            int status = 200;
            if (path.equals("/api/v1/questionnaires")) {
                body = """
                        [{"code":"PHQ-9","title":"Patient Health Questionnaire (PHQ-9)","prompt":"Over the last 2 weeks",
                          "options":[{"value":0,"label":"Not at all"},{"value":1,"label":"Several days"}],
                          "items":[{"id":"1","text":"Little interest or pleasure in doing things"},
                                   {"id":"9","text":"Thoughts that you would be better off dead or of hurting yourself"}],
                          "flags":[{"code":"SELF_HARM_ITEM","item":"9","atLeast":1,"safety":"SELF_HARM_ITEM"}]}]""";
            } else if (path.equals("/api/v1/questionnaires/PHQ-9/responses")) {
                responsesTried.incrementAndGet();
                status = 503;
                body = "{}";
            } else if (path.equals("/api/v1/help-now")) {
                helpNowCalls.incrementAndGet();
                status = 201;
                body = "{\"alertRecorded\":true}";
            } else if (path.equals("/api/v1/safety-plan")) {
                body = "{\"version\":0,\"sections\":{},\"suggestions\":[]}";
            } else if (path.equals("/api/v1/safety-flags")) {
                body = "[]";
            } else {
                status = 503;
                body = "{}";
            }
            exchange.getRequestBody().readAllBytes();
            var bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        stub.start();
        var url = "http://127.0.0.1:" + stub.getAddress().getPort();
        registry.add("attune.services.checkin-url", () -> url);
        registry.add("attune.services.content-url", () -> url);
        registry.add("attune.services.notification-url", () -> url);
    }

    @LocalServerPort
    int port;

    @Test
    void theHeaderButtonOpensTheLinesWithoutAnAlertAndAFailedPhq9StillShowsThem() {
        try (var playwright = Playwright.create()) {
            Browser browser = playwright
                    .chromium()
                    .launch(new BrowserType.LaunchOptions()
                            .setExecutablePath(Paths.get("/usr/bin/chromium"))
                            .setHeadless(true)
                            .setArgs(List.of("--headless", "--no-sandbox", "--disable-gpu")));
            var page = browser.newContext(new Browser.NewContextOptions()
                            .setViewportSize(360, 2400)
                            .setLocale("en-GB"))
                    .newPage();
            page.setDefaultTimeout(30_000);
            signUpAndIn(page);

            page.navigate("http://localhost:" + port + "/today");
            var header = page.locator("#help-now");
            assertThat(header).hasText("Crisis lines & help");
            header.click();
            page.waitForURL(u -> u.endsWith("/help"));
            assertThat(page.locator("#crisis-lines")).containsText("116 123");
            assertThat(page.locator("#not-an-emergency-service")).isVisible();
            assertThat(page.locator("#help-safety-plan")).containsText("Write my safety plan");
            assertThat(page.locator("#help-tell")).containsText("not sharing safety alerts");
            page.screenshot(new Page.ScreenshotOptions()
                    .setPath(Paths.get("target/screens/help-360.png"))
                    .setFullPage(true));
            org.assertj.core.api.Assertions.assertThat(helpNowCalls).hasValue(0);

            page.navigate("http://localhost:" + port + "/questionnaires");
            page.locator("#questionnaire-start-PHQ-9").click();
            page.getByText("Not at all").click();
            page.locator("#questionnaire-next").click();
            assertThat(page.locator("#crisis-resources")).isHidden();
            page.getByText("Several days").click();
            // From the answer on, before anything is sent.
            assertThat(page.locator("#crisis-resources")).isVisible();
            assertThat(page.locator("#crisis-resources")).containsText("116 123");
            page.locator("#questionnaire-submit").click();
            assertThat(page.locator("#questionnaire-answer-error")).containsText("not saved yet");
            assertThat(page.locator("#crisis-resources")).isVisible();
            assertThat(page.locator("#crisis-alert-state")).containsText("no alert has gone to a therapist");
            assertThat(page.locator("#crisis-resources a[href='tel:116123']")).isVisible();
            page.screenshot(new Page.ScreenshotOptions()
                    .setPath(Paths.get("target/screens/questionnaire-not-sent-crisis-360.png"))
                    .setFullPage(true));
            org.assertj.core.api.Assertions.assertThat(responsesTried).hasValue(1);
            org.assertj.core.api.Assertions.assertThat(helpNowCalls).hasValue(0);
        }
    }

    private void signUpAndIn(Page page) {
        var email = TestHttp.email("safe");
        // Registration itself (form, mailed link) is covered by the account journeys; here it is only the way in.
        new TestHttp(port).register(email, "Safe", "CLIENT");
        page.navigate("http://localhost:" + port + "/login");
        page.locator("input[name='username']").fill(email);
        page.locator("input[name='password']").fill(TestHttp.STRONG_PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in"))
                .click();
        page.waitForURL(u -> !u.contains("/login"));
    }
}
