package org.attune.webui.library.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import org.attune.events.Role;
import org.attune.testsupport.AttuneIntegrationTest;
import org.attune.webui.TestHttp;
import org.attune.webui.account.Accounts;
import org.attune.webui.token.FakeService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The library, a piece, the inbox and settings in headless Debian Chromium, at desktop width and at 360 px, with the
 * content and notification services stood in for by a small local server. Saves screenshots under
 * {@code target/screenshots/}.
 */
@AttuneIntegrationTest(properties = {"attune.data-dir=target/it-data"})
class ScreensIT {

    private static final double TIMEOUT_MS = 30_000;
    private static final FakeService SERVICES = services();

    @DynamicPropertySource
    static void servicesHere(DynamicPropertyRegistry registry) {
        registry.add("attune.services.content-url", () -> SERVICES.uri().toString());
        registry.add("attune.services.notification-url", () -> SERVICES.uri().toString());
    }

    private static FakeService services() {
        try {
            return new FakeService()
                    .answer(404, "{\"status\":404}")
                    .route("GET /api/v1/content", 200, """
                            {"items":[
                            {"slug":"box-breathing","title":"Box breathing","kind":"EXERCISE","topics":["grounding"],
                             "minutes":3,"locale":"en","summary":"Four slow counts in, hold, out and hold."},
                            {"slug":"noticing-your-own-no","title":"Noticing your own no","kind":"REFLECTION",
                             "topics":["boundaries"],"minutes":4,"locale":"en",
                             "summary":"Questions to help you find the quiet signals that something isn't okay for you."},
                            {"slug":"what-to-expect-from-therapy-pace","title":"What to expect from the pace of therapy",
                             "kind":"READING","topics":[],"minutes":6,"locale":"en","summary":"Therapy has its own pace."}],
                            "page":0,"size":100,"total":3}""")
                    .route("GET /api/v1/content/box-breathing", 200, """
                            {"slug":"box-breathing","title":"Box breathing","kind":"EXERCISE","topics":["grounding"],
                            "minutes":3,"locale":"en","reviewedBy":"pending clinical review",
                            "summary":"Four slow counts in, hold, out and hold.",
                            "steps":[{"title":"Find a place to land","text":"Sit or stand in a way that feels okay.","seconds":20}],
                            "breathing":{"inhaleSeconds":4,"holdSeconds":4,"exhaleSeconds":4,"cycles":5},
                            "body":"## Why this can help\\n\\nSlow, even breath tells the body that it is **safe enough** to settle.\\n\\n- It needs no equipment\\n- You can stop at any time\\n\\nSee also [Noticing your own no](/library/noticing-your-own-no).\\n\\n<script>alert(1)</script>",
                            "version":1}""")
                    .route("POST /api/v1/content/", 201, "{\"alreadyRecorded\":false}")
                    .route("GET /api/v1/recommendations", 200, """
                            [{"recommendationId":"rec-1","slug":"box-breathing","title":"Box breathing",
                            "reason":"You noted feeling on edge today; this can help the body settle.","ruleId":"hyper",
                            "pinned":false,"recommendedAt":"2026-11-27T10:00:00Z"}]""")
                    .route("GET /api/v1/assignments", 200, """
                            [{"assignmentId":"a-1","clientId":"c","therapistId":"t","slug":"noticing-your-own-no",
                            "title":"Noticing your own no","note":"Something to sit with before Tuesday.","dueDate":null,
                            "assignedAt":"2026-11-25T10:00:00Z","completed":false,"completedAt":null}]""")
                    .route("GET /api/v1/inbox", 200, """
                            {"items":[
                            {"id":"c1","kind":"crisis-resources","title":"Help is close","body":"If things feel like too much, people are ready to listen right now.","state":"DELIVERED","unread":true,"urgent":true,"deliveredAt":"2026-11-27T09:00:00Z","openedAt":null},
                            {"id":"n1","kind":"daily-checkin","title":"A moment for yourself?","body":"If you'd like, take a minute to notice how today is going.","state":"DELIVERED","unread":true,"urgent":false,"deliveredAt":"2026-11-27T08:00:00Z","openedAt":null}],
                            "page":0,"size":20,"total":2,"unread":2}""")
                    .route("GET /api/v1/preferences", 200, """
                            {"timeZone":"UTC","dailyReminderTime":"18:00","weeklyQuestionnaireDay":null,
                            "quietHoursStart":"21:00","quietHoursEnd":"09:00","channels":["IN_APP"],"email":null,
                            "mutedKinds":[]}""")
                    .route("PUT /api/v1/preferences", 400, """
                            {"status":400,"title":"Invalid request","errors":[
                            {"field":"emailGivenForEmailChannel","message":"is needed for the EMAIL channel"}]}""");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterAll
    static void stopServices() {
        SERVICES.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    Playwright playwright;
    Browser browser;
    String email;

    @BeforeEach
    void launch() {
        email = TestHttp.email("ida");
        accounts.register(email, TestHttp.STRONG_PASSWORD, "Ida", Role.CLIENT);
        playwright = Playwright.create();
        browser = playwright
                .chromium()
                .launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(Paths.get("/usr/bin/chromium"))
                        .setHeadless(true)
                        .setArgs(List.of(
                                "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking")));
    }

    @AfterEach
    void close() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    private Page signedIn(int width, int height) {
        var context = browser.newContext(new Browser.NewContextOptions()
                .setViewportSize(width, height)
                .setTimezoneId("Europe/Berlin")
                .setLocale("en-GB"));
        var page = context.newPage();
        page.setDefaultTimeout(TIMEOUT_MS);
        page.navigate("http://localhost:" + port + "/login");
        page.locator("input[name='username']").fill(email);
        page.locator("input[name='password']").fill(TestHttp.STRONG_PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in"))
                .click();
        page.waitForURL(u -> !u.contains("/login"), new Page.WaitForURLOptions().setTimeout(TIMEOUT_MS));
        return page;
    }

    private void open(Page page, String path) {
        page.navigate("http://localhost:" + port + "/" + path);
    }

    private static void screenshot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(Path.of("target/screenshots/" + name + ".png"))
                .setFullPage(true));
    }

    private static void fitsTheWidth(Page page) {
        var overflow = (Number)
                page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        assertThat(overflow.intValue()).as("horizontal overflow in px").isLessThanOrEqualTo(0);
    }

    private static LocatorAssertions.IsVisibleOptions visible() {
        return new LocatorAssertions.IsVisibleOptions().setTimeout(TIMEOUT_MS);
    }

    @Test
    void theLibraryAndAPieceWorkOnAPhoneAndTheBodyIsRenderedSafely() {
        var page = signedIn(360, 740);
        open(page, "library");

        assertThat(page.locator("#content-box-breathing")).isVisible(visible());
        assertThat(page.locator("#assigned-noticing-your-own-no")).containsText("Something to sit with");
        assertThat(page.locator("#recommendation-rec-1")).containsText("on edge today");
        fitsTheWidth(page);
        screenshot(page, "library-360");

        page.locator("#content-box-breathing").click();
        assertThat(page.locator("#piece-title"))
                .hasText(
                        "Box breathing",
                        new com.microsoft.playwright.assertions.LocatorAssertions.HasTextOptions()
                                .setTimeout(TIMEOUT_MS));
        assertThat(page.locator("#piece-duration")).containsText("About 3 minutes");
        assertThat(page.locator("#piece-body h2")).hasText("Why this can help");
        assertThat(page.locator("#piece-body strong")).hasText("safe enough");
        assertThat(page.locator("#piece-body script")).hasCount(0);
        assertThat(page.locator("#piece-body")).containsText("<script>alert(1)</script>");
        fitsTheWidth(page);

        page.locator("#tried-this").click();
        assertThat(page.locator("#felt-helpful")).isVisible(visible());
        screenshot(page, "piece-360");
        assertThat(SERVICES.received()).anySatisfy(r -> assertThat(r.body()).isEqualTo("{\"kind\":\"COMPLETED\"}"));
    }

    @Test
    void theLibraryAtDesktopWidth() {
        var page = signedIn(1280, 900);
        open(page, "library");
        assertThat(page.locator("#content-what-to-expect-from-therapy-pace")).isVisible(visible());
        screenshot(page, "library-desktop");
        open(page, "library/box-breathing");
        assertThat(page.locator("#piece-steps")).containsText("Find a place to land");
        screenshot(page, "piece-desktop");
    }

    @Test
    void theInboxShowsTheSafetyMessageFirstWithoutSnooze() {
        for (int width : new int[] {360, 1280}) {
            var page = signedIn(width, 800);
            open(page, "inbox");
            assertThat(page.locator("#inbox-item-c1")).isVisible(visible());
            assertThat(page.locator("#inbox-items > div").first()).hasId("inbox-item-c1");
            assertThat(page.locator("#inbox-snooze-c1")).hasCount(0);
            assertThat(page.locator("#inbox-snooze-n1")).isVisible();
            fitsTheWidth(page);
            screenshot(page, "inbox-" + (width == 360 ? "360" : "desktop"));
        }
    }

    @Test
    void settingsOfferTheBrowsersTimeZoneAndShowTheServicesFieldErrors() {
        for (int width : new int[] {360, 1280}) {
            var page = signedIn(width, 900);
            open(page, "settings");
            assertThat(page.locator("#settings-time-zone input"))
                    .hasValue(
                            "Europe/Berlin",
                            new com.microsoft.playwright.assertions.LocatorAssertions.HasValueOptions()
                                    .setTimeout(TIMEOUT_MS));
            fitsTheWidth(page);
            page.locator("#settings-save").click();
            assertThat(page.locator("#settings-email")).hasAttribute("invalid", "");
            assertThat(page.locator("#settings-status")).containsText("marked above");
            screenshot(page, "settings-" + (width == 360 ? "360" : "desktop"));
        }
    }
}
