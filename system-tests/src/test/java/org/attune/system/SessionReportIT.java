package org.attune.system;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.attune.infra.local.LocalStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The session report (PDF) on the whole stack: the demo therapist downloads the demo client's six weeks from the
 * dashboard, the demo client their own from "Bring to session", and a therapist who was granted questionnaire scores
 * only gets nothing else. Each PDF is read back with PDFBox; the first pages are kept as pictures in
 * {@code target/screenshots/} (rendered by PDFBox: the machine has no pdftoppm).
 */
class SessionReportIT {

    private static final LocatorAssertions.IsVisibleOptions PATIENTLY =
            new LocatorAssertions.IsVisibleOptions().setTimeout(Browsers.TIMEOUT_MS);
    static final Path REPORTS = Path.of("target", "reports");

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
    void theDemoTherapistsReportOfSixWeeksHoldsTheMeasuresTheirChangeAndTheSharedGoals() throws Exception {
        var client = Person.signIn(stack, DemoHistoryIT.CLIENT_EMAIL, DemoHistoryIT.PASSWORD, "CLIENT");
        awaitDemoGoalsAndMeasures(client);
        var therapist = Person.signIn(stack, DemoHistoryIT.THERAPIST_EMAIL, DemoHistoryIT.PASSWORD, "THERAPIST");
        var page = browsers.desktop();
        Screens.signIn(page, stack, DemoHistoryIT.THERAPIST_EMAIL, DemoHistoryIT.PASSWORD);
        Screens.open(page, stack, "/clients/" + client.id);
        assertThat(page.locator("#dashboard-title")).containsText("Demo Client");
        assertThat(page.locator("#chart-goals")).isVisible(PATIENTLY);
        chooseThreeMonths(page);
        Browsers.screenshot(page, "therapist-dashboard-goals");
        var phone = browsers.phone();
        Screens.signIn(phone, stack, DemoHistoryIT.THERAPIST_EMAIL, DemoHistoryIT.PASSWORD);
        Screens.open(phone, stack, "/clients/" + client.id);
        assertThat(phone.locator("#chart-goals")).isVisible(PATIENTLY);
        Browsers.screenshot(phone, "therapist-dashboard-goals");

        var text = download(page, "#dashboard-report", "demo-therapist");

        assertThat(text)
                .contains("Session report", "Demo Client")
                .contains("Mood and energy", "Window of tolerance")
                .contains("PHQ-9", "GAD-7", " of 27, ", " of 21, ")
                .contains("Shared goals", "Say what I need at work", "Walk by the sea on Sundays")
                .contains("Shared words: \"I felt rushed at the end");
        var today = LocalDate.now(ZoneOffset.UTC);
        var progress = Api.get(
                stack.checkinUrl(),
                "/api/v1/clients/" + client.id + "/progress?from=" + today.minusDays(90) + "&to=" + today,
                therapist.token());
        // The judgement is checkin-service's (issue 11 item 2): whatever it states, the report states too.
        for (var series : progress.json().get("instruments")) {
            var outcome = series.path("change").path("outcome");
            if (outcome.isString()) {
                assertThat(text).contains("Change since the first response:");
            }
        }
    }

    @Test
    void theClientDownloadsTheirOwnReportFromBringToSession() throws Exception {
        var client = Person.signIn(stack, DemoHistoryIT.CLIENT_EMAIL, DemoHistoryIT.PASSWORD, "CLIENT");
        awaitDemoGoalsAndMeasures(client);
        var page = browsers.desktop();
        Screens.signIn(page, stack, DemoHistoryIT.CLIENT_EMAIL, DemoHistoryIT.PASSWORD);
        var phone = browsers.phone();
        Screens.signIn(phone, stack, DemoHistoryIT.CLIENT_EMAIL, DemoHistoryIT.PASSWORD);
        for (var screen : List.of(page, phone)) {
            Screens.open(screen, stack, "/progress");
            assertThat(screen.locator("#chart-goals")).isVisible(PATIENTLY);
            assertThat(screen.locator("#goal-words")).containsText("Say what I need at work");
            Browsers.screenshot(screen, "client-progress-goals");
        }
        Screens.open(page, stack, "/bring-to-session");
        assertThat(page.locator("#bring-report")).isVisible(PATIENTLY);
        page.locator("#bring-report-range vaadin-radio-button", new Page.LocatorOptions().setHasText("3 months"))
                .first()
                .locator("label")
                .click();
        page.waitForTimeout(300);
        Browsers.screenshot(page, "client-bring-to-session-report");

        var text = download(page, "#bring-report-download", "demo-client");

        assertThat(text)
                .contains("Your own report", "PHQ-9", "GAD-7", "Say what I need at work")
                .contains("Private notes are never in it");
    }

    @Test
    void aTherapistGrantedQuestionnaireScoresOnlyGetsNoOtherClassInTheReport() throws Exception {
        var client = Person.client(stack);
        var therapist = Person.therapist(stack);
        post(
                client,
                "/api/v1/checkins",
                Map.of("mood", 3, "window", "HYPO", "emotions", List.of("tired"), "energy", 3));
        for (int i = 0; i < 2; i++) {
            post(
                    client,
                    "/api/v1/questionnaires/GAD-7/responses",
                    Map.of("answers", Map.of("1", 2, "2", 2, "3", 1, "4", 1, "5", i, "6", 1, "7", 1)));
        }
        post(
                client,
                "/api/v1/session-feedback",
                Map.of(
                        "heard",
                        3,
                        "goals",
                        3,
                        "approach",
                        3,
                        "overall",
                        3,
                        "comment",
                        "quiet words",
                        "shareComment",
                        true));
        post(client, "/api/v1/help-now", Map.of());
        var goal = post(client, "/api/v1/goals", Map.of("text", "Sleep before midnight"));
        Api.put(
                stack.checkinUrl(),
                "/api/v1/goals/" + goal.json().get("id").asString() + "/rating",
                client.token(),
                Map.of("rating", 4));
        var grant = Api.post(
                stack.webUiUrl(),
                "/api/consents",
                client.token(),
                Map.of("therapistEmail", therapist.email, "dataClasses", List.of("INSTRUMENT_SCORES")));
        assertThat(grant.status()).as(grant.body()).isEqualTo(201);
        awaitStatus(therapist, "/api/v1/clients/" + client.id + "/goals", 200);

        var page = browsers.desktop();
        Screens.signIn(page, stack, therapist.email, therapist.password);
        Screens.open(page, stack, "/clients/" + client.id);
        assertThat(page.locator("#dashboard-report")).isVisible(PATIENTLY);
        var text = download(page, "#dashboard-report", "scores-only");

        assertThat(text)
                .contains(
                        "Shared with you by the client, and so in this report: Questionnaire scores and shared goals.")
                .contains("GAD-7", "Sleep before midnight");
        assertThat(text)
                .doesNotContain("Mood and energy", "Window of tolerance", "Average mood")
                .doesNotContain("How sessions felt", "quiet words")
                .doesNotContain("Safety alerts", "Let my therapist know");
        // The report's reads went through the services as this therapist, and so into the client's access log.
        var log = Api.get(stack.checkinUrl(), "/api/v1/access-log", client.token());
        assertThat(log.body()).contains("\"goals\"").doesNotContain("MOOD_CHECKINS", "SAFETY_ALERTS");
    }

    private static void chooseThreeMonths(Page page) {
        page.locator("#progress-range vaadin-radio-button", new Page.LocatorOptions().setHasText("3 months"))
                .first()
                .locator("label")
                .click();
        page.waitForTimeout(500);
    }

    /** Follows the link, keeps the PDF and a picture of its first page, and answers its text. */
    private static String download(Page page, String link, String name) throws Exception {
        var download = page.waitForDownload(() -> page.locator(link).click());
        Files.createDirectories(REPORTS);
        var file = REPORTS.resolve("session-report-" + name + ".pdf");
        download.saveAs(file);
        var bytes = Files.readAllBytes(file);
        assertThat(new String(bytes, 0, 5, java.nio.charset.StandardCharsets.US_ASCII))
                .isEqualTo("%PDF-");
        try (var document = Loader.loadPDF(bytes)) {
            Files.createDirectories(Browsers.SCREENSHOTS);
            var first = new PDFRenderer(document).renderImageWithDPI(0, 110);
            ImageIO.write(
                    first,
                    "png",
                    Browsers.SCREENSHOTS
                            .resolve("session-report-" + name + "-page1.png")
                            .toFile());
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }

    private static Api.Response post(Person client, String path, Object body) {
        var answer = Api.post(stack.checkinUrl(), path, client.token(), body);
        assertThat(answer.status()).as(path + " " + answer.body()).isBetween(200, 201);
        return answer;
    }

    private static void awaitStatus(Person therapist, String path, int status) {
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> assertThat(Api.get(stack.checkinUrl(), path, therapist.token())
                                .status())
                        .as(path)
                        .isEqualTo(status));
    }

    /** The demo history is posted in the background after start; wait until its goals and measures are in. */
    private static void awaitDemoGoalsAndMeasures(Person client) {
        var today = LocalDate.now(ZoneOffset.UTC);
        await("the demo goals and measures")
                .atMost(Duration.ofMinutes(4))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> {
                    var goals = Api.get(stack.checkinUrl(), "/api/v1/goals", client.token());
                    var progress = Api.get(
                            stack.checkinUrl(),
                            "/api/v1/progress?from=" + today.minusDays(60) + "&to=" + today,
                            client.token());
                    return goals.status() == 200
                            && goals.json().size() == 2
                            && goals.json().get(1).get("ratings").size() == 6
                            && progress.body().contains("GAD-7");
                });
    }
}
