package org.attune.webui.checkin.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.attune.events.Role;
import org.attune.events.WindowOfTolerance;
import org.attune.webui.checkin.CheckInEntry;
import org.attune.webui.checkin.ClientViewsTestConfig;
import org.attune.webui.checkin.FakeCheckinGateway;
import org.attune.webui.checkin.FeedbackEntry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

/** Picking what to bring to the next session, and the summary to print, without a browser. */
@SpringJUnitConfig(ClientViewsTestConfig.class)
@ViewPackages(packages = "org.attune.webui.checkin.ui")
class BringToSessionViewTest extends SpringBrowserlessTest {

    @Autowired
    FakeCheckinGateway checkins;

    @BeforeEach
    void client() {
        checkins.reset();
        ClientViewsTestConfig.signIn(Role.CLIENT);
        checkins.storedCheckIns = List.of(
                new CheckInEntry(
                        "c1",
                        Instant.parse("2026-11-26T18:00:00Z"),
                        LocalDate.of(2026, 11, 26),
                        3,
                        WindowOfTolerance.HYPER,
                        List.of("anxious", "restless"),
                        4,
                        6.0,
                        List.of("people-pleasing"),
                        "Could not say no at work again."),
                new CheckInEntry(
                        "c2",
                        Instant.parse("2026-11-25T08:00:00Z"),
                        LocalDate.of(2026, 11, 25),
                        6,
                        WindowOfTolerance.WITHIN,
                        List.of("calm"),
                        6,
                        null,
                        List.of(),
                        "A private thought."));
        checkins.storedFeedback = List.of(new FeedbackEntry(
                "f1",
                Instant.parse("2026-11-24T17:00:00Z"),
                LocalDate.of(2026, 11, 24),
                22,
                40,
                true,
                false,
                5,
                6,
                5,
                6,
                "It felt rushed."));
    }

    @AfterEach
    void signOut() {
        ClientViewsTestConfig.signOut();
    }

    @Test
    void itAsksForTheLastSevenDays() {
        var view = navigate(BringToSessionView.class);

        assertThat(checkins.rangesAsked)
                .containsExactly(new FakeCheckinGateway.Range(LocalDate.of(2026, 11, 21), LocalDate.of(2026, 11, 27)));
        assertThat(view.checkInChoices).containsOnlyKeys("c1", "c2");
        assertThat(view.noteChoices).containsOnlyKeys("c1", "c2");
        assertThat(view.feedbackChoices).containsOnlyKeys("f1");
    }

    @Test
    void theSummaryHoldsExactlyWhatWasPickedWithNotesOnlyWhereChosen() {
        var view = navigate(BringToSessionView.class);
        test(view.noteChoices.get("c1")).click();
        test(view.checkInChoices.get("c2")).click();
        test(view.feedbackChoices.get("f1")).click();

        test(view.showSummary).click();

        assertThat(view.checkInChoices.get("c1").getValue()).isTrue();
        assertThat(view.picker.isVisible()).isFalse();
        assertThat(view.summary.isVisible()).isTrue();
        var text = view.summary.getElement().getTextRecursively();
        assertThat(text)
                .contains("mood 3")
                .contains("above the window")
                .contains("anxious, restless")
                .contains("Could not say no at work again.")
                .contains("mood 6")
                .doesNotContain("A private thought.")
                .contains("22 of 40")
                .contains("did not quite fit")
                .contains("It felt rushed.");
        assertThat(view.summary
                        .getChildren()
                        .flatMap(c -> c.getChildren())
                        .map(c -> c.getId().orElse("")))
                .contains("bring-print", "bring-edit");
    }

    @Test
    void nothingPickedSaysSoGently() {
        var view = navigate(BringToSessionView.class);

        test(view.showSummary).click();

        assertThat(view.summary.getElement().getTextRecursively()).contains("Nothing chosen yet");
    }

    @Test
    void whenTheServiceDoesNotAnswerThePageSaysSoRatherThanShowingNothing() {
        checkins.down = true;

        var view = navigate(BringToSessionView.class);

        assertThat(view.picker.getElement().getTextRecursively()).contains("could not load this just now");
        assertThat(view.checkInChoices).isEmpty();
    }

    @Test
    void aSessionReportIsOfferedForFourWeeksUnlessTheClientChoosesAnotherPeriodAndPrivateNotesAreNeverInIt() {
        var view = navigate(BringToSessionView.class);

        assertThat(view.report.getElement().getTextRecursively())
                .contains("A report to bring to your session", "Private notes are never in it")
                .contains("Download a session report (PDF)");
        var link = $(org.attune.webui.report.ui.SessionReportLink.class).single();
        assertThat(link.getHref()).isNotBlank();
        assertThat($(com.vaadin.flow.component.radiobutton.RadioButtonGroup.class)
                        .id("bring-report-range")
                        .getValue())
                .isEqualTo(org.attune.webui.progress.ProgressRange.FOUR_WEEKS);
    }
}
