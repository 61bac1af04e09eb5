package org.attune.system;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.attune.infra.local.LocalStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Measurement-based care on the whole stack, in headless Chromium: a therapist schedules PHQ-9 from the client's
 * dashboard; the client finds it due on Today and answers it; the therapist's open dashboard shows the score, and
 * its change judgement against the client's first PHQ-9 ten days earlier, and then that the window was answered,
 * without a reload.
 */
class ScheduledMeasureJourneyIT {

    private static final LocatorAssertions.IsVisibleOptions PATIENTLY =
            new LocatorAssertions.IsVisibleOptions().setTimeout(Browsers.TIMEOUT_MS);
    private static final LocatorAssertions.ContainsTextOptions PATIENT_TEXT =
            new LocatorAssertions.ContainsTextOptions().setTimeout(Browsers.TIMEOUT_MS);
    private static final LocatorAssertions.ContainsTextOptions VERY_PATIENT_TEXT =
            new LocatorAssertions.ContainsTextOptions().setTimeout(90_000);

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
    void aTherapistSchedulesPhq9TheClientAnswersItFromTodayAndTheOpenDashboardShowsTheScoreAndItsChangeWithoutReload() {
        var client = Person.client(stack);
        var therapist = Person.therapist(stack);
        shareScores(client, therapist);
        // A first PHQ-9 ten days ago (16 of 27, moderately severe; a 0 on the ninth question): the baseline of the
        // change judgement. Backdated, so it is no answer to the window scheduled below.
        var baseline = Api.post(
                stack.checkinUrl(),
                "/api/v1/questionnaires/PHQ-9/responses",
                client.token(),
                Map.of(
                        "answers",
                        Map.of("1", 2, "2", 2, "3", 2, "4", 2, "5", 2, "6", 2, "7", 2, "8", 2, "9", 0),
                        "recordedAt",
                        java.time.Instant.now().minus(Duration.ofDays(10)).toString()));
        assertThat(baseline.status()).as(baseline.body()).isEqualTo(201);

        var therapistPage = browsers.desktop();
        Screens.signIn(therapistPage, stack, therapist.email, therapist.password);
        Screens.open(therapistPage, stack, "/clients/" + client.id);
        assertThat(therapistPage.locator("#dashboard-measures")).containsText("Nothing scheduled yet", PATIENT_TEXT);
        therapistPage.locator("#measure-questionnaire").click();
        therapistPage
                .locator("vaadin-select-item", new Page.LocatorOptions().setHasText("PHQ-9"))
                .first()
                .click();
        // every 2 weeks, from today, open for 3 days: the form's defaults
        therapistPage.locator("#measure-schedule").click();
        assertThat(therapistPage.locator("#measures-status")).containsText("is scheduled", PATIENT_TEXT);
        assertThat(therapistPage.locator("#measure-row-PHQ-9")).containsText("Every 2 weeks", PATIENT_TEXT);
        Browsers.screenshot(therapistPage, "therapist-dashboard-measure-scheduled");

        var clientPage = browsers.phone();
        Screens.signIn(clientPage, stack, client.email, client.password);
        Screens.open(clientPage, stack, "/today");
        assertThat(clientPage.locator("#due-measures")).containsText("PHQ-9", PATIENT_TEXT);
        assertThat(clientPage.locator("#due-measures")).containsText("stays open until");
        Browsers.screenshot(clientPage, "today-with-a-due-measure");
        clientPage.locator("#measure-answer-PHQ-9").click();
        for (int item = 1; item <= 9; item++) {
            assertThat(clientPage.locator("#questionnaire-progress"))
                    .containsText("Question " + item + " of 9", PATIENT_TEXT);
            // total 8, mild; a 0 on the ninth question (which is no statement that all is well)
            choose(clientPage, item == 9 ? "Not at all" : "Several days");
            clientPage
                    .locator(item == 9 ? "#questionnaire-submit" : "#questionnaire-next")
                    .click();
        }
        assertThat(clientPage.locator("#questionnaire-result")).containsText("8", PATIENT_TEXT);

        // The therapist's page, never reloaded: the score arrives live, then the answered window.
        var instruments = therapistPage.locator("#chart-instrument-phq-9");
        assertThat(instruments).isVisible(PATIENTLY);
        assertThat(therapistPage.locator(".attune-therapist-dashboard")).containsText("8 / 27", PATIENT_TEXT);
        // 16 → 8: a change of at least 6 (reliable) from a case (≥ 10) to below it.
        assertThat(therapistPage.locator(".attune-therapist-dashboard"))
                .containsText("Reliable recovery", PATIENT_TEXT);
        assertThat(therapistPage.locator("#measure-last-PHQ-9")).containsText("Answered", VERY_PATIENT_TEXT);
        Browsers.screenshot(therapistPage, "therapist-dashboard-measure-answered");

        // The client's Today no longer lists it; what comes next is on the questionnaires page.
        Screens.open(clientPage, stack, "/today");
        clientPage.locator("#checkin-submit").waitFor();
        assertThat(clientPage.locator("#due-measures")).isHidden();
        Screens.open(clientPage, stack, "/questionnaires");
        assertThat(clientPage.locator("#due-measures")).containsText("Next time it comes up", PATIENT_TEXT);
    }

    private static void choose(Page page, String label) {
        Locator option =
                page.locator("#questionnaire-answer vaadin-radio-button", new Page.LocatorOptions().setHasText(label));
        option.first().locator("label").click();
    }

    private static void shareScores(Person client, Person therapist) {
        var grant = Api.post(
                stack.webUiUrl(),
                "/api/consents",
                client.token(),
                Map.of("therapistEmail", therapist.email, "dataClasses", List.of("INSTRUMENT_SCORES")));
        assertThat(grant.status()).as(grant.body()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(30))
                .until(() ->
                        Api.get(stack.checkinUrl(), "/api/v1/clients/" + client.id + "/measures", therapist.token())
                                        .status()
                                == 200);
    }
}
