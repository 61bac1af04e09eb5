package org.attune.system;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.assertions.PageAssertions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.attune.infra.local.LocalStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The client's and the therapist's screens in headless Debian Chromium against the whole running stack: nothing
 * is stood in for, every number on screen came through the real services, broker and store.
 */
class ClientAndTherapistScreensIT {

    private static final LocatorAssertions.IsVisibleOptions PATIENTLY =
            new LocatorAssertions.IsVisibleOptions().setTimeout(Browsers.TIMEOUT_MS);
    static final List<String> ALL_CLASSES = List.of(
            "MOOD_CHECKINS", "INSTRUMENT_SCORES", "SESSION_FEEDBACK", "NOTES", "CONTENT_ACTIVITY", "SAFETY_ALERTS");

    private static LocalStack stack;
    private static Browsers browsers;

    @BeforeAll
    static void start() {
        stack = SystemStack.get();
        browsers = Browsers.launch();
    }

    @AfterAll
    static void stop() {
        browsers.close();
    }

    @Test
    void aClientWhoChecksInHyperIsOfferedAShortExerciseRightThere() {
        var client = Person.client(stack);
        var page = browsers.phone();
        Screens.signIn(page, stack, client.email, client.password);
        Screens.open(page, stack, "/today");
        page.locator("#window-HYPER").click();
        page.locator("#checkin-submit").click();
        assertThat(page.locator("#exercise-offer")).isVisible(PATIENTLY);
        // The offer is filled in once the library has chosen (an exercise, or the way to the library).
        assertThat(page.locator("#exercise-open")).isVisible(PATIENTLY);
        Browsers.screenshot(page, "today-after-hyper-check-in");
        var stored = Api.get(stack.checkinUrl(), "/api/v1/checkins", client.token());
        assertThat(stored.json().get("items").get(0).get("window").asString()).isEqualTo("HYPER");
    }

    @Test
    void aPhq9WithTheLastItemAboveZeroShowsCrisisResourcesAtOnce() {
        var client = Person.client(stack);
        var page = browsers.phone();
        Screens.signIn(page, stack, client.email, client.password);
        Screens.open(page, stack, "/questionnaires");
        page.locator("#questionnaire-start-PHQ-9").click();
        for (int item = 1; item <= 9; item++) {
            assertThat(page.locator("#questionnaire-progress")).containsText(String.valueOf(item));
            choose(page, item == 9 ? "Several days" : "Not at all");
            page.locator(item == 9 ? "#questionnaire-submit" : "#questionnaire-next")
                    .click();
        }
        assertThat(page.locator("#crisis-resources")).isVisible(PATIENTLY);
        // The browser says en-GB: the UK's lines come first.
        assertThat(page.locator("#crisis-resources")).containsText("116 123");
        Browsers.screenshot(page, "questionnaire-result-with-crisis-resources");
    }

    @Test
    void theTherapistsOpenDashboardShowsANewCheckInWithoutReloadAndClosesWhenSharingStops() {
        var client = Person.client(stack);
        var therapist = Person.therapist(stack);
        var grantId = grant(client, therapist);

        var page = browsers.desktop();
        Screens.signIn(page, stack, therapist.email, therapist.password);
        Screens.open(page, stack, "/clients/" + client.id);
        var lastCheckIn = page.locator("#last-checkin");
        assertThat(lastCheckIn).isVisible(PATIENTLY);
        var before = lastCheckIn.textContent();
        page.evaluate("window.__notReloaded = true");

        var checkIn = Api.post(
                stack.checkinUrl(),
                "/api/v1/checkins",
                client.token(),
                Map.of("mood", 7, "window", "WITHIN", "energy", 6, "emotions", List.of("calm"), "tags", List.of()));
        assertThat(checkIn.status()).as(checkIn.body()).isEqualTo(201);
        assertThat(lastCheckIn)
                .not()
                .hasText(before, new LocatorAssertions.HasTextOptions().setTimeout(Browsers.TIMEOUT_MS));
        assertThat((Boolean) page.evaluate("window.__notReloaded === true")).isTrue();

        var revoke = Api.delete(stack.webUiUrl(), "/api/consents/" + grantId, client.token());
        assertThat(revoke.status()).isEqualTo(204);
        assertThat(page)
                .hasURL(
                        Pattern.compile(".*/clients(\\?.*)?$"),
                        new PageAssertions.HasURLOptions().setTimeout(Browsers.TIMEOUT_MS));
        assertThat(page.locator("#client-row-" + client.id)).hasCount(0);
    }

    @Test
    void theMainScreensWorkAtDesktopAndPhoneWidthWithoutSeriousAccessibilityProblems() throws Exception {
        var client = Person.signIn(stack, DemoHistoryIT.CLIENT_EMAIL, DemoHistoryIT.PASSWORD, "CLIENT");
        awaitDemoHistory(client);
        var findings = new ArrayList<String>();
        for (var page : List.of(browsers.desktop(), browsers.phone())) {
            Screens.signIn(page, stack, DemoHistoryIT.CLIENT_EMAIL, DemoHistoryIT.PASSWORD);
            for (var screen : List.of(
                    "today",
                    "questionnaires",
                    "after-session",
                    "progress",
                    "library",
                    "inbox",
                    "bring-to-session",
                    "sharing",
                    "settings",
                    "my-data",
                    "help")) {
                visit(page, screen, "client-" + screen, findings);
            }
        }
        for (var page : List.of(browsers.desktop(), browsers.phone())) {
            Screens.signIn(page, stack, DemoHistoryIT.THERAPIST_EMAIL, DemoHistoryIT.PASSWORD);
            visit(page, "clients", "therapist-clients", findings);
            assertThat(page.locator("#client-row-" + client.id)).isVisible(PATIENTLY);
            visit(page, "clients/" + client.id, "therapist-dashboard", findings);
            assertThat(page.locator("#dashboard-title")).containsText("Demo Client");
            visit(page, "inbox", "therapist-inbox", findings);
        }
        assertThat(findings).as("serious or critical axe-core findings").isEmpty();
    }

    private static void visit(Page page, String path, String name, List<String> findings) {
        Screens.open(page, stack, "/" + path);
        page.waitForLoadState();
        page.locator("vaadin-app-layout").waitFor();
        page.waitForTimeout(400);
        Browsers.screenshot(page, name);
        Browsers.seriousAccessibilityViolations(page)
                .forEach(v -> findings.add(name + " @" + page.viewportSize().width + "px: " + v));
    }

    private static void choose(Page page, String label) {
        Locator option =
                page.locator("#questionnaire-answer vaadin-radio-button", new Page.LocatorOptions().setHasText(label));
        option.first().locator("label").click();
    }

    private static String grant(Person client, Person therapist) {
        var grant = Api.post(
                stack.webUiUrl(),
                "/api/consents",
                client.token(),
                Map.of("therapistEmail", therapist.email, "dataClasses", ALL_CLASSES));
        assertThat(grant.status()).as(grant.body()).isEqualTo(201);
        // The services learn of the grant through Kafka; wait until the check-in service has.
        await("the check-in service to learn of the grant")
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(50))
                .until(() ->
                        Api.get(stack.checkinUrl(), "/api/v1/clients/" + client.id + "/checkins", therapist.token())
                                        .status()
                                == 200);
        return grant.json().get("id").asString();
    }

    static void awaitDemoHistory(Person client) {
        var from = Instant.now().minus(Duration.ofDays(60)).toString().substring(0, 10);
        await("the demo history")
                .atMost(Duration.ofMinutes(4))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> {
                    var page = Api.get(stack.checkinUrl(), "/api/v1/checkins?size=100&from=" + from, client.token());
                    return page.status() == 200 && page.json().get("items").size() >= 22;
                });
    }
}
