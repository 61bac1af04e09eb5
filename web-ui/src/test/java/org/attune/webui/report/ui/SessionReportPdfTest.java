package org.attune.webui.report.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.attune.events.DataClass;
import org.attune.events.Role;
import org.attune.webui.checkin.ClientViewsTestConfig;
import org.attune.webui.progress.Goal;
import org.attune.webui.progress.ProgressData;
import org.attune.webui.progress.ui.UserTime;
import org.attune.webui.report.SessionReport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

/**
 * The session report as PDF, read back with PDFBox: every measure with its range and change judgement, the goals,
 * the session words the client shared, flags with their acknowledgement, the screens' charts drawn in it, and
 * nothing of a class the client did not share. The first page is kept as a picture in {@code target/report/}.
 */
@SpringJUnitConfig(ClientViewsTestConfig.class)
@ViewPackages(packages = "org.attune.webui.checkin.ui")
class SessionReportPdfTest extends SpringBrowserlessTest {

    static final LocalDate TO = LocalDate.of(2026, 11, 27);
    static final LocalDate FROM = TO.minusDays(41);
    static final UserTime TIME = new UserTime(ZoneOffset.UTC, Locale.UK);

    static final tools.jackson.databind.json.JsonMapper JSON =
            tools.jackson.databind.json.JsonMapper.builder().build();

    SessionReportLink link;

    @BeforeEach
    void open() {
        ClientViewsTestConfig.signIn(Role.CLIENT);
        navigate("bring-to-session", com.vaadin.flow.component.Component.class);
        link = $(SessionReportLink.class).single();
    }

    @AfterEach
    void signOut() {
        ClientViewsTestConfig.signOut();
    }

    static SessionReport sixWeeks(boolean forTherapist, Set<DataClass> shared) {
        var days = new java.util.ArrayList<ProgressData.DayPoint>();
        for (int i = 0; i < 42; i += 1) {
            if (i % 7 != 3) {
                days.add(new ProgressData.DayPoint(FROM.plusDays(i), 4 + i / 12.0, 5 + (i % 3), 1));
            }
        }
        var weeks = List.of(
                new ProgressData.WeekWindows(LocalDate.of(2026, 10, 12), 2, 3, 1),
                new ProgressData.WeekWindows(LocalDate.of(2026, 10, 19), 1, 4, 1),
                new ProgressData.WeekWindows(LocalDate.of(2026, 10, 26), 1, 5, 0),
                new ProgressData.WeekWindows(LocalDate.of(2026, 11, 2), 0, 5, 1),
                new ProgressData.WeekWindows(LocalDate.of(2026, 11, 9), 1, 5, 0),
                new ProgressData.WeekWindows(LocalDate.of(2026, 11, 16), 0, 6, 0));
        var mood = new ProgressData.Mood(days, weeks, List.of(), List.of(), List.of());
        var day = 86_400L;
        var start = FROM.atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(19 * 3600);
        // Read from JSON as checkin-service answers it, so the test does not depend on the records' constructors.
        var instruments = JSON.readValue(
                """
                [{"code": "PHQ-9", "points": [
                   {"completedAt": "%1$s", "total": 12, "maxTotal": 27, "band": "moderate"},
                   {"completedAt": "%2$s", "total": 10, "maxTotal": 27, "band": "moderate"},
                   {"completedAt": "%3$s", "total": 6, "maxTotal": 27, "band": "mild"}]},
                 {"code": "GAD-7", "points": [
                   {"completedAt": "%1$s", "total": 11, "maxTotal": 21, "band": "moderate"},
                   {"completedAt": "%3$s", "total": 8, "maxTotal": 21, "band": "mild"}]}]""".formatted(start.plusSeconds(day), start.plusSeconds(15 * day), start.plusSeconds(29 * day)),
                new tools.jackson.core.type.TypeReference<List<ProgressData.InstrumentSeries>>() {});
        var sessions = List.of(
                new ProgressData.SessionPoint(start.plusSeconds(6 * day), FROM.plusDays(6), 31, 40, false, null),
                new ProgressData.SessionPoint(
                        start.plusSeconds(27 * day), FROM.plusDays(27), 18, 40, true, "LOW_TOTAL"),
                new ProgressData.SessionPoint(start.plusSeconds(34 * day), FROM.plusDays(34), 33, 40, false, null));
        var progress = new ProgressData(
                FROM,
                TO,
                Set.of("MOOD_CHECKINS", "INSTRUMENT_SCORES", "SESSION_FEEDBACK"),
                shared.contains(DataClass.MOOD_CHECKINS) ? mood : null,
                shared.contains(DataClass.INSTRUMENT_SCORES) ? instruments : null,
                shared.contains(DataClass.SESSION_FEEDBACK) ? sessions : null,
                "about");
        var goals = List.of(
                new Goal(
                        "g1",
                        "Say what I need at work",
                        true,
                        null,
                        null,
                        List.of(
                                new Goal.Rating(LocalDate.of(2026, 10, 19), 2),
                                new Goal.Rating(LocalDate.of(2026, 11, 2), 4),
                                new Goal.Rating(LocalDate.of(2026, 11, 16), 6))),
                new Goal(
                        "g2",
                        "Walk by the sea on Sundays",
                        true,
                        null,
                        null,
                        List.of(new Goal.Rating(LocalDate.of(2026, 11, 9), 5))));
        var flagAt = Instant.parse("2026-11-03T21:10:00Z");
        return new SessionReport(
                "Robin Demo",
                forTherapist,
                FROM,
                TO,
                shared,
                progress,
                Map.of("PHQ-9", "RELIABLE_IMPROVEMENT", "GAD-7", "NO_RELIABLE_CHANGE"),
                shared.contains(DataClass.INSTRUMENT_SCORES) ? goals : null,
                shared.contains(DataClass.SESSION_FEEDBACK)
                        ? List.of(new SessionReport.Session(
                                FROM.plusDays(27),
                                start.plusSeconds(27 * day),
                                18,
                                40,
                                true,
                                "I felt rushed at the end and did not say what I wanted to."))
                        : null,
                shared.contains(DataClass.SAFETY_ALERTS)
                        ? List.of(new SessionReport.Flag("HELP_NOW", flagAt, flagAt.plusSeconds(1500)))
                        : null,
                Instant.parse("2026-11-27T09:30:00Z"));
    }

    static String text(byte[] pdf) throws IOException {
        try (var document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }

    @Test
    void theClientsOwnReportHoldsEveryMeasureWithItsChangeTheGoalsSharedWordsAndAcknowledgedFlags() throws Exception {
        var pdf = link.pdf(sixWeeks(false, EnumSet.allOf(DataClass.class)), TIME);

        var text = text(pdf);
        assertThat(text)
                .contains("Session report", "Robin Demo")
                .contains("Mood and energy", "Average mood", "Window of tolerance")
                .contains("PHQ-9", "6 of 27, Mild", "GAD-7", "8 of 21, Mild")
                .contains("Change since the first response: a real improvement, bigger than the usual ups and downs")
                .contains("Shared goals", "Goal 1: Say what I need at work", "Goal 2: Walk by the sea on Sundays")
                .contains("Shared words: \"I felt rushed at the end")
                .contains("Safety alerts", "acknowledged 3 Nov 2026, 21:35")
                .contains("Private notes are never in it");
        var dir = Path.of("target", "report");
        Files.createDirectories(dir);
        Files.write(dir.resolve("session-report-client.pdf"), pdf);
        try (var document = Loader.loadPDF(pdf)) {
            var page = new PDFRenderer(document).renderImageWithDPI(0, 110);
            ImageIO.write(
                    page, "png", dir.resolve("session-report-client-page1.png").toFile());
            // The mood chart's line is drawn in its colour (#1a5fb4): the screens' SVG made it onto the page.
            assertThat(hasColour(page, new Color(0x1a, 0x5f, 0xb4))).isTrue();
        }
    }

    @Test
    void aTherapistsReportLeavesOutEveryClassTheClientDidNotShareAndSaysWhichWereShared() throws Exception {
        var pdf = link.pdf(sixWeeks(true, EnumSet.of(DataClass.INSTRUMENT_SCORES)), TIME);

        var text = text(pdf);
        assertThat(text)
                .contains(
                        "Shared with you by the client, and so in this report: Questionnaire scores and shared goals.")
                .contains("PHQ-9", "Change since the first response: reliable improvement")
                .contains("Goal 1: Say what I need at work");
        assertThat(text)
                .doesNotContain("Mood and energy", "Window of tolerance", "Average mood")
                .doesNotContain("How sessions felt", "Shared words", "I felt rushed")
                .doesNotContain("Safety alerts", "raised");
        var dir = Path.of("target", "report");
        Files.createDirectories(dir);
        Files.write(dir.resolve("session-report-therapist-scores-only.pdf"), pdf);
    }

    private static boolean hasColour(java.awt.image.BufferedImage image, Color colour) {
        for (int x = 0; x < image.getWidth(); x++) {
            for (int y = 0; y < image.getHeight(); y++) {
                var c = new Color(image.getRGB(x, y));
                if (Math.abs(c.getRed() - colour.getRed()) < 12
                        && Math.abs(c.getGreen() - colour.getGreen()) < 12
                        && Math.abs(c.getBlue() - colour.getBlue()) < 12) {
                    return true;
                }
            }
        }
        return false;
    }
}
