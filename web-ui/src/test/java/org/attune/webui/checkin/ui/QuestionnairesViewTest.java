package org.attune.webui.checkin.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import java.util.List;
import java.util.stream.IntStream;
import org.attune.events.Role;
import org.attune.webui.checkin.ClientViewsTestConfig;
import org.attune.webui.checkin.FakeCheckinGateway;
import org.attune.webui.checkin.Instrument;
import org.attune.webui.checkin.QuestionnaireResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

/** Questionnaires one question at a time, and their results, without a browser. */
@SpringJUnitConfig(ClientViewsTestConfig.class)
@ViewPackages(packages = "org.attune.webui.checkin.ui")
class QuestionnairesViewTest extends SpringBrowserlessTest {

    static final List<Instrument.Option> OPTIONS = List.of(
            new Instrument.Option(0, "Not at all"),
            new Instrument.Option(1, "Several days"),
            new Instrument.Option(2, "More than half the days"),
            new Instrument.Option(3, "Nearly every day"));

    static final Instrument PHQ9 = new Instrument(
            "PHQ-9",
            "Patient Health Questionnaire (PHQ-9)",
            "Nine questions about how the last two weeks have been.",
            "Pfizer; free to use.",
            true,
            "Over the last 2 weeks, how often have you been bothered by any of the following problems?",
            IntStream.rangeClosed(1, 9)
                    .mapToObj(i -> new Instrument.Item(String.valueOf(i), "Question text " + i, OPTIONS))
                    .toList(),
            java.util.Map.of("9", 1));

    static final Instrument SESSION = new Instrument(
            Instrument.SESSION_CONNECTION,
            "How did today's session feel?",
            null,
            null,
            false,
            null,
            List.of(new Instrument.Item("heard", "I felt heard", OPTIONS)));

    @Autowired
    FakeCheckinGateway checkins;

    @BeforeEach
    void client() {
        checkins.reset();
        checkins.instruments = List.of(PHQ9, SESSION);
        ClientViewsTestConfig.signIn(Role.CLIENT);
    }

    @AfterEach
    void signOut() {
        ClientViewsTestConfig.signOut();
    }

    private QuestionnairesView startPhq9() {
        var view = navigate(QuestionnairesView.class);
        test(button(view, "questionnaire-start-PHQ-9")).click();
        return view;
    }

    private Button button(Component within, String id) {
        return find(Button.class, within).all().stream()
                .filter(b -> b.getId().orElse("").equals(id))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no button " + id));
    }

    /** Answers each question with the given value, pressing next, and the submit button on the last one. */
    private void answerAll(QuestionnairesView view, List<Integer> values) {
        for (int i = 0; i < values.size(); i++) {
            int value = values.get(i);
            test(view.answer)
                    .selectItem(OPTIONS.stream()
                            .filter(o -> o.value() == value)
                            .findFirst()
                            .orElseThrow()
                            .label());
            test(view.next).click();
        }
    }

    @Test
    void theListOffersTheQuestionnairesButNotTheSessionCheck() {
        var view = navigate(QuestionnairesView.class);

        var text = view.list.getElement().getTextRecursively();
        assertThat(text).contains("Patient Health Questionnaire (PHQ-9)").contains("9 questions");
        assertThat(text).doesNotContain("How did today's session feel?");
    }

    @Test
    void oneQuestionPerStepWithProgressInWordsAndBackKeepsTheAnswer() {
        var view = startPhq9();
        assertThat(view.progress.getText()).isEqualTo("Question 1 of 9");
        assertThat(view.back.isEnabled()).isFalse();

        test(view.answer).selectItem("Several days");
        test(view.next).click();

        assertThat(view.progress.getText()).isEqualTo("Question 2 of 9");
        assertThat(view.answer.getLabel()).isEqualTo("Question text 2");

        test(view.back).click();

        assertThat(view.progress.getText()).isEqualTo("Question 1 of 9");
        assertThat(view.answer.getValue().label()).isEqualTo("Several days");
    }

    @Test
    void nextWithoutAnAnswerAsksGentlyAndStays() {
        var view = startPhq9();

        test(view.next).click();

        assertThat(view.progress.getText()).isEqualTo("Question 1 of 9");
        assertThat(view.answerError.isVisible()).isTrue();
    }

    @Test
    void theResultShowsTheTotalTheBandAndWhatItMeansInPlainWords() {
        checkins.questionnaireResult = new QuestionnaireResult("PHQ-9", 11, 27, "moderate", "Moderate", List.of());
        var view = startPhq9();

        answerAll(view, List.of(1, 2, 1, 2, 1, 2, 1, 1, 0));

        assertThat(checkins.answersSent).hasSize(1);
        assertThat(checkins.answersSent.getFirst())
                .containsEntry("1", 1)
                .containsEntry("2", 2)
                .containsEntry("9", 0)
                .hasSize(9);
        var text = view.result.getElement().getTextRecursively();
        assertThat(text)
                .contains("Your total: 11 of 27")
                .contains("Range: Moderate")
                .contains("worth talking about with your therapist");
        assertThat(view.crisis.isVisible()).isFalse();
        assertThat(text).doesNotContainIgnoringCase("safe");
    }

    @Test
    void anAnswerAbove0OnTheSelfHarmQuestionPutsTheCrisisLinesAboveEverything() {
        checkins.questionnaireResult =
                new QuestionnaireResult("PHQ-9", 3, 27, "minimal", "Minimal", List.of("SELF_HARM_ITEM"));
        var view = startPhq9();

        answerAll(view, List.of(0, 0, 0, 0, 0, 0, 1, 1, 1));

        assertThat(view.crisis.isVisible()).isTrue();
        assertThat(view.getChildren().toList().indexOf(view.crisis))
                .isLessThan(view.getChildren().toList().indexOf(view.result));
        assertThat(view.crisis.getElement().getTextRecursively())
                .contains("You don't have to hold this alone")
                .contains("You said that thoughts of being better off dead")
                .contains("988")
                .contains("Attune is not an emergency service")
                .contains("they will be told about this answer")
                .contains("Look at my safety plan");
        assertThat(view.result.getElement().getTextRecursively()).contains("Your total: 3 of 27");
    }

    @Test
    void theCrisisLinesAppearTheMomentTheSelfHarmAnswerIsAbove0AndGoIfItIsChangedBack() {
        var view = startPhq9();
        answerAll(view, List.of(0, 0, 0, 0, 0, 0, 0, 0));
        assertThat(view.crisis.isVisible()).isFalse();

        test(view.answer).selectItem("Several days");

        assertThat(view.crisis.isVisible()).isTrue();
        assertThat(view.crisis.getElement().getTextRecursively())
                .contains("988")
                .contains("also while you finish the questions");
        assertThat(checkins.answersSent).isEmpty();

        test(view.answer).selectItem("Not at all");

        assertThat(view.crisis.isVisible()).isFalse();
    }

    @Test
    void whenTheAnswersCannotBeSentTheCrisisLinesStayAndThePageSaysNoAlertWentOut() {
        var view = startPhq9();
        answerAll(view, List.of(0, 0, 0, 0, 0, 0, 0, 0));
        checkins.down = true;
        test(view.answer).selectItem("More than half the days");

        test(view.next).click();

        assertThat(view.answerError.getText()).contains("not saved yet");
        assertThat(view.crisis.isVisible()).isTrue();
        assertThat(view.crisis.getElement().getTextRecursively())
                .contains("988")
                .contains("no alert has gone to a therapist")
                .contains("Attune is not an emergency service");
    }

    @Test
    void aSevereTotalWithoutTheSelfHarmAnswerShowsTheLinesWithoutSayingThatAnswerWasGiven() {
        checkins.questionnaireResult =
                new QuestionnaireResult("PHQ-9", 24, 27, "severe", "Severe", List.of("SEVERE_BAND"));
        var view = startPhq9();

        answerAll(view, List.of(3, 3, 3, 3, 3, 3, 3, 3, 0));

        var text = view.crisis.getElement().getTextRecursively();
        assertThat(view.crisis.isVisible()).isTrue();
        assertThat(text).contains("low mood has been very heavy lately").contains("988");
        assertThat(text).doesNotContain("better off dead").doesNotContain("hurting yourself");
    }

    @Test
    void aSevereTotalWith0OnTheSelfHarmQuestionShowsTheCrisisLinesWithoutQuotingThatQuestion() {
        checkins.questionnaireResult =
                new QuestionnaireResult("PHQ-9", 20, 27, "severe", "Severe", List.of("SEVERE_BAND"));
        var view = startPhq9();

        answerAll(view, List.of(3, 3, 3, 3, 3, 3, 2, 0, 0));

        assertThat(view.crisis.isVisible()).isTrue();
        assertThat(view.crisis.getId()).hasValue("crisis-resources");
        assertThat(view.crisis.getElement().getTextRecursively())
                .contains("very heavy")
                .contains("988")
                .contains("most severe range")
                .contains("Attune is not an emergency service")
                .doesNotContainIgnoringCase("better off dead")
                .doesNotContainIgnoringCase("hurting yourself")
                .doesNotContainIgnoringCase("self-harm")
                .doesNotContain("this answer");
    }

    @Test
    void aSevereTotalWithTheSelfHarmQuestionAbove0ShowsTheWordsForThatQuestion() {
        checkins.questionnaireResult =
                new QuestionnaireResult("PHQ-9", 21, 27, "severe", "Severe", List.of("SELF_HARM_ITEM", "SEVERE_BAND"));
        var view = startPhq9();

        answerAll(view, List.of(3, 3, 3, 3, 3, 3, 2, 0, 1));

        assertThat(view.crisis.isVisible()).isTrue();
        assertThat(view.crisis.getElement().getTextRecursively())
                .contains("better off dead or of hurting yourself")
                .contains("told about this answer");
    }

    @Test
    void whenTheServiceDoesNotAnswerTheAnswersStayAndThePersonCanTryAgain() {
        checkins.questionnaireResult = new QuestionnaireResult("PHQ-9", 0, 27, "minimal", "Minimal", List.of());
        var view = startPhq9();
        answerAll(view, List.of(0, 0, 0, 0, 0, 0, 0, 0));
        checkins.down = true;
        test(view.answer).selectItem("Not at all");

        test(view.next).click();

        assertThat(view.answerError.getText()).contains("not saved yet");
        assertThat(view.progress.getText()).isEqualTo("Question 9 of 9");

        checkins.down = false;
        test(view.next).click();

        assertThat(view.result.isVisible()).isTrue();
        assertThat(checkins.answersSent).hasSize(1);
    }

    @Test
    void whenTheQuestionnairesCannotBeLoadedThePageSaysSo() {
        checkins.down = true;

        var view = navigate(QuestionnairesView.class);

        assertThat(view.list.getElement().getTextRecursively()).contains("could not load the questionnaires");
    }
}
