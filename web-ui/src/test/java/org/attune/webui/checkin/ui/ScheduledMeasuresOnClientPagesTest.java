package org.attune.webui.checkin.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.attune.events.Role;
import org.attune.webui.checkin.ClientViewsTestConfig;
import org.attune.webui.checkin.FakeCheckinGateway;
import org.attune.webui.measures.DueMeasure;
import org.attune.webui.measures.FakeMeasuresGateway;
import org.attune.webui.security.Caller;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

/** Questionnaires the therapist scheduled, on Today and on Questionnaires, without a browser. */
@SpringJUnitConfig(ClientViewsTestConfig.class)
@ViewPackages(packages = "org.attune.webui.checkin.ui")
class ScheduledMeasuresOnClientPagesTest extends SpringBrowserlessTest {

    static final DueMeasure PHQ9_DUE = new DueMeasure(
            "m-phq9",
            "PHQ-9",
            "Patient Health Questionnaire (PHQ-9)",
            DueMeasure.State.DUE,
            LocalDate.parse("2026-11-26"),
            LocalDate.parse("2026-11-28"),
            LocalDate.parse("2026-12-10"));

    static final DueMeasure GAD7_NEXT = new DueMeasure(
            "m-gad7",
            "GAD-7",
            "Generalised Anxiety Disorder (GAD-7)",
            DueMeasure.State.UPCOMING,
            null,
            null,
            LocalDate.parse("2026-12-03"));

    @Autowired
    FakeCheckinGateway checkins;

    @Autowired
    FakeMeasuresGateway measures;

    Caller client;

    @BeforeEach
    void client() {
        checkins.reset();
        measures.reset();
        checkins.instruments = List.of(QuestionnairesViewTest.PHQ9);
        client = ClientViewsTestConfig.signIn(Role.CLIENT);
    }

    @AfterEach
    void signOut() {
        ClientViewsTestConfig.signOut();
    }

    @Test
    void todayShowsWhatIsDueWithTheLastDayItIsOpenAndAnswerNowStartsThatQuestionnaire() {
        measures.mine.put(client.id(), List.of(PHQ9_DUE, GAD7_NEXT));

        var today = navigate(TodayView.class);

        assertThat(today.dueMeasures.isVisible()).isTrue();
        var text = today.dueMeasures.getElement().getTextRecursively();
        assertThat(text)
                .contains("Patient Health Questionnaire (PHQ-9)")
                .contains("stays open until")
                .contains("2026")
                // Today is about now: what comes later is on the questionnaires page
                .doesNotContain("GAD-7");

        test(button(today, "measure-answer-PHQ-9")).click();

        var questionnaires = (QuestionnairesView) getCurrentView();
        assertThat(questionnaires.step.isVisible()).isTrue();
        assertThat(questionnaires.instrument.code()).isEqualTo("PHQ-9");
        assertThat(questionnaires.progress.getText()).isEqualTo("Question 1 of 9");
    }

    @Test
    void todayShowsNothingOfScheduledQuestionnairesWhenNoneIsDueOrTheServiceIsQuiet() {
        measures.mine.put(client.id(), List.of(GAD7_NEXT));
        assertThat(navigate(TodayView.class).dueMeasures.isVisible()).isFalse();

        measures.answering = false;
        assertThat(navigate(TodayView.class).dueMeasures.isVisible()).isFalse();
    }

    @Test
    void questionnairesListsWhatIsDueAndWhatComesNextAndPausingIsOneTapWithNoReasonAsked() {
        measures.mine.put(client.id(), List.of(PHQ9_DUE, GAD7_NEXT));
        var view = navigate(QuestionnairesView.class);
        var text = view.scheduled.getElement().getTextRecursively();
        assertThat(text).contains("PHQ-9").contains("GAD-7").contains("Next time it comes up");

        test(button(view, "measure-pause-m-gad7")).click();

        assertThat(measures.changes).containsExactly("PAUSE m-gad7");
        assertThat(view.scheduled.getElement().getTextRecursively())
                .contains("Your therapist sees that it is paused, nothing more.")
                .contains("Paused. It will not come up until you resume it.");
        test(button(view, "measure-resume-m-gad7")).click();
        test(button(view, "measure-decline-m-phq9")).click();

        assertThat(measures.changes).containsExactly("PAUSE m-gad7", "RESUME m-gad7", "DECLINE m-phq9");
        assertThat(view.scheduled.getElement().getTextRecursively())
                .contains("will not come up again")
                .doesNotContain("Patient Health Questionnaire (PHQ-9)");
    }

    @Test
    void answerNowFromTheQuestionnairesPageStartsTheQuestionnaireInPlace() {
        measures.mine.put(client.id(), List.of(PHQ9_DUE));
        var view = navigate(QuestionnairesView.class);

        test(button(view, "measure-answer-PHQ-9")).click();

        assertThat(view.step.isVisible()).isTrue();
        assertThat(view.scheduled.isVisible()).isFalse();
        assertThat(view.instrument.code()).isEqualTo("PHQ-9");
    }

    private Button button(Component within, String id) {
        Optional<Button> found = find(Button.class, within).all().stream()
                .filter(b -> b.getId().orElse("").equals(id))
                .findFirst();
        return found.orElseThrow(() -> new AssertionError("no button " + id));
    }
}
