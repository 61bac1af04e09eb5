package org.attune.webui.therapist.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.assertions.PageAssertions;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.attune.events.CheckInRecorded;
import org.attune.events.DataClass;
import org.attune.events.Role;
import org.attune.events.WindowOfTolerance;
import org.attune.testsupport.AttuneIntegrationTest;
import org.attune.testsupport.EventPublisher;
import org.attune.webui.TestHttp;
import org.attune.webui.VerifiedTherapists;
import org.attune.webui.account.Accounts;
import org.attune.webui.account.TherapistVerifications;
import org.attune.webui.consent.Grants;
import org.attune.webui.progress.ProgressData;
import org.attune.webui.security.Caller;
import org.attune.webui.therapist.ClientSummary;
import org.attune.webui.therapist.FakeServices;
import org.attune.webui.therapist.SafetyFlagItem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/**
 * The live path in headless Debian Chromium: a {@code CheckInRecorded} on the real broker updates the therapist's
 * open dashboard through server push, without a reload; a revoke closes it. checkin-service is replaced by the
 * in-memory stand-in, so the page has something to show. Records figures (not assertions) under {@code target/}:
 * event-to-screen latency over 50 check-ins, and screenshots of the pages at desktop and 360 px width.
 */
@AttuneIntegrationTest(properties = {"attune.data-dir=target/it-data", "attune.live.offset-reset=earliest"})
@Import(FakeServices.class)
class LiveDashboardBrowserIT {

    private static final double TIMEOUT_MS = 30_000;
    private static final Path SHOTS = Path.of("target", "screenshots");

    @LocalServerPort
    int port;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrap;

    @Autowired
    Accounts accounts;

    @Autowired
    TherapistVerifications verifications;

    @Autowired
    Grants grants;

    @Autowired
    FakeServices.Therapist services;

    @Autowired
    FakeServices.Progress progress;

    Playwright playwright;
    Browser browser;

    @BeforeEach
    void launch() {
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

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private Page signedIn(String email) {
        return signedIn(email, "UTC");
    }

    private Page signedIn(String email, String timeZone) {
        var page = browser.newContext(new Browser.NewContextOptions().setTimezoneId(timeZone))
                .newPage();
        page.setDefaultTimeout(TIMEOUT_MS);
        page.navigate(url("/login"));
        page.locator("input[name='username']").fill(email);
        page.locator("input[name='password']").fill(TestHttp.STRONG_PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in"))
                .click();
        page.waitForURL(u -> !u.contains("/login"), new Page.WaitForURLOptions().setTimeout(TIMEOUT_MS));
        return page;
    }

    private static void screenshots(Page page, String name) throws Exception {
        Files.createDirectories(SHOTS);
        page.setViewportSize(1280, 900);
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(SHOTS.resolve(name + "-desktop.png"))
                .setFullPage(true));
        page.setViewportSize(360, 800);
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(SHOTS.resolve(name + "-360.png"))
                .setFullPage(true));
        page.setViewportSize(1280, 900);
    }

    /** The pages scroll inside the app layout, so a full-page shot stops at the fold: this one scrolls to a part. */
    private static void screenshotsOf(Page page, String selector, String name) throws Exception {
        Files.createDirectories(SHOTS);
        for (var size : List.of(new int[] {1280, 900}, new int[] {360, 800})) {
            page.setViewportSize(size[0], size[1]);
            page.locator(selector).scrollIntoViewIfNeeded();
            page.screenshot(new Page.ScreenshotOptions()
                    .setPath(SHOTS.resolve(name + (size[0] == 360 ? "-360.png" : "-desktop.png"))));
        }
        page.setViewportSize(1280, 900);
    }

    private static ClientSummary summary(Instant lastCheckIn) {
        return new ClientSummary(
                true,
                lastCheckIn,
                java.util.Arrays.asList(4.0, 5.0, null, 6.0, 7.0, 6.0, 5.0),
                1,
                true,
                null,
                List.of());
    }

    private static ProgressData progressOf(LocalDate today) {
        var daily = new ArrayList<ProgressData.DayPoint>();
        for (int i = 27; i >= 0; i--) {
            if (i % 3 != 1) {
                daily.add(new ProgressData.DayPoint(today.minusDays(i), 3 + (i * 7 % 6), 4 + (i * 5 % 5), 1));
            }
        }
        var monday = today.with(java.time.DayOfWeek.MONDAY);
        var weeks = List.of(monday.minusWeeks(3), monday.minusWeeks(2), monday.minusWeeks(1), monday);
        return new ProgressData(
                today.minusDays(27),
                today,
                Set.of("MOOD_CHECKINS", "INSTRUMENT_SCORES", "SESSION_FEEDBACK"),
                new ProgressData.Mood(
                        daily,
                        weeks.stream()
                                .map(w -> new ProgressData.WeekWindows(w, 1, 3, 1))
                                .toList(),
                        weeks.stream().map(w -> new ProgressData.WeekDays(w, 4)).toList(),
                        List.of(new ProgressData.Count("calm", 6), new ProgressData.Count("anxious", 3)),
                        List.of(new ProgressData.Count("people-pleasing", 2))),
                List.of(new ProgressData.InstrumentSeries(
                        "PHQ-9",
                        List.of(
                                new ProgressData.InstrumentPoint(
                                        Instant.now().minus(Duration.ofDays(21)), 15, 27, "moderately-severe"),
                                new ProgressData.InstrumentPoint(
                                        Instant.now().minus(Duration.ofDays(7)), 8, 27, "mild")),
                        new ProgressData.Change(
                                "RELIABLE_RECOVERY",
                                15,
                                Instant.now().minus(Duration.ofDays(21)),
                                8,
                                Instant.now().minus(Duration.ofDays(7)),
                                6,
                                10))),
                List.of(
                        new ProgressData.SessionPoint(
                                Instant.now().minus(Duration.ofDays(15)), today.minusDays(15), 34, 40, false, null),
                        new ProgressData.SessionPoint(
                                Instant.now().minus(Duration.ofDays(8)), today.minusDays(8), 22, 40, true, "LOW_TOTAL"),
                        new ProgressData.SessionPoint(
                                Instant.now().minus(Duration.ofDays(1)), today.minusDays(1), 33, 40, false, null)),
                "about");
    }

    @Test
    void checkInsOnTheBrokerUpdateTheOpenDashboardWithoutAReloadAndARevokeClosesIt() throws Exception {
        var therapistEmail = TestHttp.email("quinn");
        var clientEmail = TestHttp.email("rosa");
        VerifiedTherapists.register(accounts, verifications, therapistEmail, "Dr. Quinn");
        var client = new Caller(
                UUID.fromString(accounts.register(clientEmail, TestHttp.STRONG_PASSWORD, "Rosa", Role.CLIENT)
                        .id()),
                Role.CLIENT);
        var grant = grants.grantByEmail(
                client,
                therapistEmail,
                EnumSet.of(DataClass.MOOD_CHECKINS, DataClass.SAFETY_ALERTS, DataClass.SESSION_FEEDBACK),
                null);
        var base = Instant.parse("2026-01-05T09:00:00Z");
        services.summaries.put(client.id(), summary(base));
        services.flags.put(
                client.id(),
                List.of(new SafetyFlagItem(
                        "f1", "HELP_NOW", "help-now", Instant.now().minusSeconds(600), null)));
        services.feedback.put(client.id(), List.of());
        progress.byClient.put(client.id(), progressOf(LocalDate.now()));

        var clientPage = signedIn(clientEmail);
        clientPage.navigate(url("/progress"));
        assertThat(clientPage.locator("#chart-mood svg")).isVisible();
        assertThat(clientPage.locator("#change-phq-9"))
                .containsText("more than measurement noise alone would explain, in the direction of feeling better");
        screenshots(clientPage, "progress");
        screenshotsOf(clientPage, "#change-phq-9", "progress-change");

        var therapist = signedIn(therapistEmail, "America/New_York");
        therapist.navigate(url("/clients"));
        assertThat(therapist.locator("#client-row-" + client.id())).isVisible();
        screenshots(therapist, "clients");

        therapist.navigate(url("/clients/" + client.id()));
        assertThat(therapist.locator("#dashboard-title")).hasText("Rosa");
        assertThat(therapist.locator("#ack-f1")).isVisible();
        // 09:00 UTC is 04:00 in the therapist's browser's time zone.
        assertThat(therapist.locator("#last-checkin")).containsText("4:00");
        assertThat(therapist.locator("#change-phq-9")).containsText("Reliable recovery");
        assertThat(therapist.locator("#change-phq-9")).containsText("Baseline 15, latest 8");
        screenshots(therapist, "dashboard");
        screenshotsOf(therapist, "#change-phq-9", "dashboard-change");
        // Marks the document: a reload would lose it.
        therapist.evaluate("window.__notReloaded = true");

        var latencies = new ArrayList<Long>();
        try (var publisher = new EventPublisher(bootstrap)) {
            var lastCheckIn = therapist.locator("#last-checkin");
            for (int i = 1; i <= 50; i++) {
                var before = lastCheckIn.textContent();
                services.summaries.put(client.id(), summary(base.plus(Duration.ofMinutes(i))));
                long start = System.nanoTime();
                publisher.publish(CheckInRecorded.of(
                        client.id(),
                        UUID.randomUUID(),
                        6,
                        WindowOfTolerance.WITHIN,
                        List.of("calm"),
                        5,
                        null,
                        List.of(),
                        false,
                        LocalDate.now()));
                assertThat(lastCheckIn)
                        .not()
                        .hasText(before, new LocatorAssertions.HasTextOptions().setTimeout(TIMEOUT_MS));
                latencies.add((System.nanoTime() - start) / 1_000_000);
            }
        }
        assertThat((Boolean) therapist.evaluate("window.__notReloaded === true"))
                .isTrue();
        Collections.sort(latencies);
        Files.writeString(
                Path.of("target", "live-checkin-to-dashboard-ms.txt"),
                "n=" + latencies.size() + " median=" + latencies.get(latencies.size() / 2) + " p95="
                        + latencies.get((int) Math.ceil(latencies.size() * 0.95) - 1) + " max=" + latencies.getLast()
                        + "\n");

        long revoked = System.nanoTime();
        grants.revoke(client, grant.id());
        assertThat(therapist)
                .hasURL(
                        Pattern.compile(".*/clients\\?sharing-ended.*"),
                        new PageAssertions.HasURLOptions().setTimeout(TIMEOUT_MS));
        assertThat(therapist.locator("#clients-status")).containsText("stopped sharing");
        assertThat(therapist.locator("#client-row-" + client.id())).hasCount(0);
        Files.writeString(
                Path.of("target", "live-revoke-to-dashboard-closed-ms.txt"),
                (System.nanoTime() - revoked) / 1_000_000 + "\n");
    }
}
