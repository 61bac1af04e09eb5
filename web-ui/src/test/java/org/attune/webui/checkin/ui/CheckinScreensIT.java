package org.attune.webui.checkin.ui;

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
import org.attune.testsupport.AttuneIntegrationTest;
import org.attune.webui.TestHttp;
import org.attune.webui.TestMail;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@AttuneIntegrationTest(properties = {"attune.data-dir=target/it-data"})
/**
 * The client's check-in screens in headless Debian Chromium, with a small local stand-in for checkin-service and the
 * library: nothing wider than a 360 px phone, a HYPER check-in offers an exercise, a PHQ-9 with item 9 above 0 shows
 * the crisis lines, a low session check opens the rupture page. Screenshots at 360 px and 1280 px go to
 * {@code target/screens/}.
 */
class CheckinScreensIT {

    static HttpServer stub;
    static final java.util.concurrent.atomic.AtomicReference<String> lastCheckIn =
            new java.util.concurrent.atomic.AtomicReference<>();

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) throws Exception {
        stub = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        stub.createContext("/", exchange -> {
            var path = exchange.getRequestURI().getPath();
            String body;
            int status = 200;
            if (path.equals("/api/v1/checkins") && exchange.getRequestMethod().equals("POST")) {
                status = 201;
                body = "{\"id\":\"c1\"}";
            } else if (path.equals("/api/v1/content")) {
                body = "{\"items\":[{\"slug\":\"paced-breathing\",\"title\":\"Paced breathing\",\"kind\":\"EXERCISE\","
                        + "\"topics\":[\"breathing\"],\"minutes\":2,\"summary\":\"Two minutes of breathing with a"
                        + " slightly longer out-breath.\"}]}";
            } else if (path.equals("/api/v1/recommendations")) {
                // What content-service's rules chose for the check-in just sent.
                body = "[{\"recommendationId\":\"r1\",\"slug\":\"paced-breathing\",\"title\":\"Paced breathing\","
                        + "\"reason\":\"You checked in as hyper-aroused.\",\"ruleId\":\"hyper-aroused-grounding\","
                        + "\"pinned\":false,\"recommendedAt\":\"" + java.time.Instant.now() + "\"}]";
            } else if (path.equals("/api/v1/content/paced-breathing")) {
                body = "{\"slug\":\"paced-breathing\",\"title\":\"Paced breathing\",\"kind\":\"EXERCISE\","
                        + "\"minutes\":2,\"steps\":[{\"title\":\"Breathe in for four\",\"text\":\"Gently.\","
                        + "\"seconds\":4},{\"title\":\"Breathe out for six\",\"text\":\"Slowly.\",\"seconds\":6}]}";
            } else if (path.equals("/api/v1/questionnaires")) {
                body = "[{\"code\":\"PHQ-9\",\"title\":\"Patient Health Questionnaire (PHQ-9)\",\"about\":\"Nine"
                        + " questions about how the last two weeks have been.\",\"prompt\":\"Over the last 2 weeks, how"
                        + " often have you been bothered by any of the following problems?\",\"options\":[{\"value\":0,"
                        + "\"label\":\"Not at all\"},{\"value\":1,\"label\":\"Several days\"},{\"value\":2,\"label\":"
                        + "\"More than half the days\"},{\"value\":3,\"label\":\"Nearly every day\"}],\"items\":[{\"id\":"
                        + "\"1\",\"text\":\"Little interest or pleasure in doing things\"},{\"id\":\"9\",\"text\":"
                        + "\"Thoughts that you would be better off dead or of hurting yourself in some way\"}]}]";
            } else if (path.equals("/api/v1/questionnaires/PHQ-9/responses")) {
                status = 201;
                body = "{\"code\":\"PHQ-9\",\"total\":2,\"maxTotal\":27,\"band\":\"minimal\",\"bandLabel\":"
                        + "\"Minimal\",\"flags\":[\"SELF_HARM_ITEM\"]}";
            } else if (path.equals("/api/v1/checkins")
                    && exchange.getRequestMethod().equals("GET")) {
                body = "{\"items\":[{\"id\":\"c1\",\"recordedAt\":\"2026-11-26T18:00:00Z\",\"mood\":3,\"window\":"
                        + "\"HYPER\",\"emotions\":[\"anxious\"],\"energy\":4,\"tags\":[],\"note\":\"A note.\"}]}";
            } else if (path.equals("/api/v1/session-feedback")
                    && exchange.getRequestMethod().equals("POST")) {
                status = 201;
                body = "{\"id\":\"f1\",\"total\":12,\"maxTotal\":40,\"ruptureSignal\":{\"signal\":true},"
                        + "\"sharedWithTherapist\":false}";
            } else if (path.equals("/api/v1/help-now")) {
                status = 201;
                body = "{\"alertRecorded\":true}";
            } else {
                status = 503;
                body = "{}";
            }
            var sent = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            if (path.equals("/api/v1/checkins") && exchange.getRequestMethod().equals("POST")) {
                lastCheckIn.set(sent);
            }
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
    }

    @LocalServerPort
    int port;

    @Test
    void theScreensFitAPhoneAndTheirMainPathsWork() throws Exception {
        try (var playwright = Playwright.create()) {
            Browser browser = playwright
                    .chromium()
                    .launch(new BrowserType.LaunchOptions()
                            .setExecutablePath(Paths.get("/usr/bin/chromium"))
                            .setHeadless(true)
                            .setArgs(List.of("--headless", "--no-sandbox", "--disable-gpu")));
            var page = browser.newContext(
                            new com.microsoft.playwright.Browser.NewContextOptions().setViewportSize(360, 2600))
                    .newPage();
            page.setDefaultTimeout(30_000);
            var email = TestHttp.email("scr");
            page.navigate("http://localhost:" + port + "/register");
            page.getByLabel("What should we call you?").fill("Scr");
            page.getByLabel("Email", new Page.GetByLabelOptions().setExact(true))
                    .fill(email);
            page.locator("vaadin-password-field input").fill(TestHttp.STRONG_PASSWORD);
            page.getByText("Someone in therapy").click();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create account"))
                    .click();
            page.getByText("We have sent a mail to").waitFor();
            page.navigate("http://localhost:" + port + TestMail.verificationPath(email.toLowerCase()));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Confirm my email address"))
                    .click();
            page.getByText("Your email address is confirmed").waitFor();
            page.navigate("http://localhost:" + port + "/login");
            page.locator("input[name='username']").fill(email);
            page.locator("input[name='password']").fill(TestHttp.STRONG_PASSWORD);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in"))
                    .click();
            page.waitForURL(u -> !u.contains("/login"));

            for (var route : List.of("today", "questionnaires", "after-session", "bring-to-session", "help")) {
                page.navigate("http://localhost:" + port + "/" + route);
                page.waitForTimeout(2500);
                page.screenshot(new Page.ScreenshotOptions()
                        .setPath(Paths.get("target/screens/" + route + "-360.png"))
                        .setFullPage(true));
                org.assertj.core.api.Assertions.assertThat(
                                ((Number) page.evaluate("document.documentElement.scrollWidth")).intValue())
                        .as(route + " fits 360 px")
                        .isLessThanOrEqualTo(360);
            }
            page.navigate("http://localhost:" + port + "/today");
            page.locator("#mood").waitFor();
            // A slider is set from the keyboard through its inner input (or by clicking on its track).
            page.locator("#mood input").first().focus();
            page.keyboard().press("ArrowLeft");
            page.keyboard().press("ArrowLeft");
            page.keyboard().press("ArrowLeft");
            page.locator("#window-HYPER").click();
            page.locator("#emotion-anxious").click();
            page.locator("#checkin-submit").click();
            assertThat(page.locator("#exercise-offer")).isVisible();
            assertThat(page.locator("#exercise-open")).hasAttribute("href", "library/paced-breathing");
            org.assertj.core.api.Assertions.assertThat(lastCheckIn.get())
                    .contains("\"mood\":2")
                    .contains("\"window\":\"HYPER\"")
                    .contains("anxious");
            page.waitForTimeout(500);
            page.screenshot(new Page.ScreenshotOptions()
                    .setPath(Paths.get("target/screens/today-hyper-360.png"))
                    .setFullPage(true));
            page.navigate("http://localhost:" + port + "/questionnaires");
            page.locator("#questionnaire-start-PHQ-9").click();
            page.getByText("Several days").click();
            page.locator("#questionnaire-next").click();
            page.screenshot(
                    new Page.ScreenshotOptions().setPath(Paths.get("target/screens/questionnaire-step-360.png")));
            page.getByText("Several days").click();
            page.locator("#questionnaire-submit").click();
            assertThat(page.locator("#crisis-resources")).isVisible();
            page.screenshot(
                    new Page.ScreenshotOptions().setPath(Paths.get("target/screens/questionnaire-crisis-360.png")));
            page.navigate("http://localhost:" + port + "/after-session");
            page.locator("#feedback-heard").waitFor();
            for (var id : List.of("#feedback-heard", "#feedback-goals", "#feedback-approach", "#feedback-overall")) {
                page.locator(id + " input").first().focus();
                page.keyboard().press("ArrowLeft");
                page.keyboard().press("ArrowLeft");
            }
            page.locator("#feedback-submit").click();
            assertThat(page.locator("#feedback-rupture")).isVisible();
            page.screenshot(
                    new Page.ScreenshotOptions().setPath(Paths.get("target/screens/after-session-rupture-360.png")));
            page.navigate("http://localhost:" + port + "/bring-to-session");
            page.locator("#bring-checkin-c1").click();
            page.locator("#bring-note-c1").click();
            page.locator("#bring-summary-show").click();
            assertThat(page.locator("#bring-summary")).containsText("A note.");
            assertThat(page.locator("#bring-print")).isVisible();
            page.emulateMedia(new Page.EmulateMediaOptions().setMedia(com.microsoft.playwright.options.Media.PRINT));
            assertThat(page.locator("vaadin-side-nav")).isHidden();
            assertThat(page.locator("#bring-print")).isHidden();
            assertThat(page.locator("#bring-summary")).isVisible();
            page.screenshot(new Page.ScreenshotOptions().setPath(Paths.get("target/screens/bring-print-360.png")));
            page.emulateMedia(new Page.EmulateMediaOptions().setMedia(com.microsoft.playwright.options.Media.SCREEN));
            page.setViewportSize(1280, 1800);
            page.navigate("http://localhost:" + port + "/today");
            page.waitForTimeout(2500);
            page.screenshot(new Page.ScreenshotOptions()
                    .setPath(Paths.get("target/screens/today-1280.png"))
                    .setFullPage(true));
            browser.close();
        } finally {
            stub.stop(0);
        }
    }
}
