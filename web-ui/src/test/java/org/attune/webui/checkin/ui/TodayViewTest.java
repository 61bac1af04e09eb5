package org.attune.webui.checkin.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.attune.events.Role;
import org.attune.events.WindowOfTolerance;
import org.attune.webui.checkin.ClientViewsTestConfig;
import org.attune.webui.checkin.FakeCheckinGateway;
import org.attune.webui.checkin.FakeExerciseGateway;
import org.attune.webui.checkin.Outcome;
import org.attune.webui.ui.BackgroundAnswers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

/** The one-screen check-in, without a browser, against in-memory services. */
@SpringJUnitConfig(ClientViewsTestConfig.class)
@ViewPackages(packages = "org.attune.webui.checkin.ui")
class TodayViewTest extends SpringBrowserlessTest {

    @Autowired
    FakeCheckinGateway checkins;

    @Autowired
    FakeExerciseGateway exercises;

    @BeforeEach
    void client() {
        checkins.reset();
        exercises.reset();
        ClientViewsTestConfig.signIn(Role.CLIENT);
    }

    @AfterEach
    void signOut() {
        ClientViewsTestConfig.signOut();
    }

    private TodayView fillIn(WindowOfTolerance window) {
        var view = navigate(TodayView.class);
        test(view.mood).setValue(6);
        test(view.window.get(window)).click();
        test(view.energy).setValue(4);
        return view;
    }

    private ExerciseOffer offerIn(TodayView view) {
        return view.result
                .getChildren()
                .filter(ExerciseOffer.class::isInstance)
                .map(ExerciseOffer.class::cast)
                .findFirst()
                .orElseThrow();
    }

    /** The offer is filled in off the request thread: wait until it shows the library's answer. */
    private ExerciseOffer answered(TodayView view) {
        var offer = offerIn(view);
        BackgroundAnswers.awaitShown(() -> roundTrip(), offer::shown);
        return offer;
    }

    @Test
    void aCheckInWithinTheWindowIsSavedWithEverythingFilledInAndGetsAWarmThankYouButNoExercise() {
        var view = fillIn(WindowOfTolerance.WITHIN);
        test(view.emotions.get("calm")).click();
        test(view.emotions.get("tired")).click();
        test(view.freeWords).setValue("Tender, unsettled");
        test(view.sleep).setValue(7.5);
        test(view.tags.get("needs-advocated")).click();
        test(view.note).setValue("Said no to the extra shift.");

        test(view.submit).click();

        assertThat(checkins.checkInsSent).hasSize(1);
        var form = checkins.checkInsSent.getFirst().form();
        assertThat(form.mood()).isEqualTo(6);
        assertThat(form.window()).isEqualTo(WindowOfTolerance.WITHIN);
        assertThat(form.energy()).isEqualTo(4);
        assertThat(form.emotions()).containsExactly("calm", "tired", "tender", "unsettled");
        assertThat(form.sleepHours()).isEqualTo(7.5);
        assertThat(form.tags()).containsExactly("needs-advocated");
        assertThat(form.note()).isEqualTo("Said no to the extra shift.");
        assertThat(form.localDate()).isEqualTo(LocalDate.of(2026, 11, 27));
        assertThat(view.form.isVisible()).isFalse();
        assertThat(view.result.getElement().getTextRecursively()).contains("Thank you for checking in");
        assertThat(view.result.getElement().getTextRecursively()).doesNotContain("Would a short practice help?");
        assertThat(exercises.asked).isEmpty();
    }

    @Test
    void aCheckInAboveTheWindowOffersTheExerciseContentServiceRecommendedWithItsReasonAndALinkToTheLibrary() {
        exercises.next = FakeExerciseGateway.BREATHING;
        var view = fillIn(WindowOfTolerance.HYPER);

        test(view.submit).click();

        var offer = answered(view);
        assertThat(exercises.asked).containsExactly(ClientViewsTestConfig.NOW);
        assertThat(offer.getElement().getTextRecursively())
                .contains("Paced breathing")
                .contains("You checked in as hyper-aroused")
                .contains("About 2 minutes")
                .contains("Breathe out for six");
        var open = find(Anchor.class, offer).all().stream()
                .filter(a -> a.getId().orElse("").equals("exercise-open"))
                .findFirst()
                .orElseThrow();
        assertThat(open.getHref()).isEqualTo("library/paced-breathing");
    }

    @Test
    void aCheckInBelowTheWindowOffersTheRecommendedExerciseWithOurOwnWordsWhenItCameWithoutAReason() {
        exercises.next = FakeExerciseGateway.COMING_BACK_UP;
        var view = fillIn(WindowOfTolerance.HYPO);

        test(view.submit).click();

        answered(view);
        assertThat(exercises.asked).hasSize(1);
        assertThat(view.result.getElement().getTextRecursively())
                .contains("Coming back up, gently")
                .contains("help you come back to the room");
    }

    @Test
    void whenTheLibraryRecommendedNothingInTimeAShortPracticeIsStillOfferedInPlainWords() {
        exercises.next = null;
        var view = fillIn(WindowOfTolerance.HYPER);

        test(view.submit).click();

        answered(view);
        assertThat(view.result.getElement().getTextRecursively())
                .contains("Would a short practice help?")
                .contains("breathe in gently for a count of four");
    }

    @Test
    void theThankYouShowsAtOnceWhileTheLibraryIsStillChoosingAnExercise() {
        exercises.next = FakeExerciseGateway.BREATHING;
        exercises.slowLibrary = new CountDownLatch(1);
        var view = fillIn(WindowOfTolerance.HYPER);

        test(view.submit).click();

        assertThat(view.result.getElement().getTextRecursively())
                .contains("Thank you for checking in")
                .contains("Finding a short practice")
                .doesNotContain("Paced breathing");
        assertThat(offerIn(view).shown()).isFalse();

        exercises.slowLibrary.countDown();

        answered(view);
        assertThat(view.result.getElement().getTextRecursively())
                .contains("Paced breathing")
                .doesNotContain("Finding a short practice");
    }

    @Test
    void anExerciseThatArrivesAfterTheClientStartedOverIsNotShownOnTheNewForm() {
        exercises.next = FakeExerciseGateway.BREATHING;
        exercises.slowLibrary = new CountDownLatch(1);
        var view = fillIn(WindowOfTolerance.HYPER);
        test(view.submit).click();
        var offer = offerIn(view);

        view.startOver();
        exercises.slowLibrary.countDown();

        // The answer's task ends the polling whether or not it had an offer left to fill in.
        BackgroundAnswers.awaitShown(() -> roundTrip(), () -> UI.getCurrent().getPollInterval() == -1);
        assertThat(offer.shown()).isFalse();
        assertThat(view.result.getChildren()).isEmpty();
        assertThat(view.form.isVisible()).isTrue();
    }

    @Test
    void fieldProblemsFromTheServiceAppearOnTheFieldsTheyName() {
        checkins.checkInProblems = List.of(
                new Outcome.FieldProblem("mood", "must be between 0 and 10"),
                new Outcome.FieldProblem("emotions[1]", "must be at most 30 characters"),
                new Outcome.FieldProblem("sleepHours", "must be between 0 and 24"),
                new Outcome.FieldProblem("note", "must be at most 2000 characters"));
        var view = fillIn(WindowOfTolerance.WITHIN);

        test(view.submit).click();

        assertThat(view.mood.isInvalid()).isTrue();
        assertThat(view.mood.getErrorMessage()).contains("must be between 0 and 10");
        assertThat(view.emotionsError.isVisible()).isTrue();
        assertThat(view.emotionsError.getText()).contains("at most 30 characters");
        assertThat(view.sleep.isInvalid()).isTrue();
        assertThat(view.note.isInvalid()).isTrue();
        assertThat(view.energy.isInvalid()).isFalse();
        assertThat(view.form.isVisible()).isTrue();
        assertThat(view.submit.isEnabled()).isTrue();
    }

    @Test
    void whenTheServiceIsUnreachableTheFormKeepsWhatWasTypedAndARetryUsesTheSameKey() {
        checkins.down = true;
        var view = fillIn(WindowOfTolerance.HYPO);
        test(view.note).setValue("A heavy morning.");

        test(view.submit).click();

        assertThat(view.status.isVisible()).isTrue();
        assertThat(view.status.getText()).contains("not saved yet").contains("still here");
        assertThat(view.form.isVisible()).isTrue();
        assertThat(view.note.getValue()).isEqualTo("A heavy morning.");
        assertThat(view.mood.getValue()).isEqualTo(6);
        assertThat(view.window.get(WindowOfTolerance.HYPO).isSelected()).isTrue();
        var key = view.idempotencyKey;

        checkins.down = false;
        test(view.submit).click();

        assertThat(checkins.checkInsSent).hasSize(1);
        assertThat(checkins.checkInsSent.getFirst().idempotencyKey()).isEqualTo(key);
        assertThat(view.status.isVisible()).isFalse();
    }

    @Test
    void eachFilledInFormHasItsOwnIdempotencyKey() {
        var view = fillIn(WindowOfTolerance.WITHIN);
        test(view.submit).click();
        test(find(com.vaadin.flow.component.button.Button.class).id("checkin-again"))
                .click();
        test(view.mood).setValue(3);
        test(view.window.get(WindowOfTolerance.HYPER)).click();
        test(view.energy).setValue(2);
        test(view.submit).click();

        assertThat(checkins.checkInsSent).hasSize(2);
        assertThat(checkins.checkInsSent.get(0).idempotencyKey())
                .isNotBlank()
                .isNotEqualTo(checkins.checkInsSent.get(1).idempotencyKey());
    }

    @Test
    void withoutAChoiceOfWindowNothingIsSentAndTheQuestionIsAskedGently() {
        var view = navigate(TodayView.class);

        test(view.submit).click();

        assertThat(checkins.checkInsSent).isEmpty();
        assertThat(view.windowError.isVisible()).isTrue();
        assertThat(view.windowError.getText()).contains("no wrong answer");
    }

    @Test
    void theSlidersStartInTheMiddleSoAQuickCheckInIsOneChoiceAway() {
        var view = navigate(TodayView.class);
        test(view.window.get(WindowOfTolerance.WITHIN)).click();

        test(view.submit).click();

        assertThat(checkins.checkInsSent).hasSize(1);
        assertThat(checkins.checkInsSent.getFirst().form().mood()).isEqualTo(5);
        assertThat(checkins.checkInsSent.getFirst().form().energy()).isEqualTo(5);
        assertThat(checkins.checkInsSent.getFirst().form().emotions()).isEmpty();
        assertThat(checkins.checkInsSent.getFirst().form().sleepHours()).isNull();
    }

    @Test
    void onceFiveEmotionWordsAreChosenTheOthersWait() {
        var view = navigate(TodayView.class);
        for (var word : List.of("calm", "sad", "tired", "lonely", "anxious")) {
            test(view.emotions.get(word)).click();
        }

        assertThat(view.emotions.get("angry").isEnabled()).isFalse();
        assertThat(view.emotions.get("calm").isEnabled()).isTrue();
        assertThat(view.emotions.get("calm").getElement().getAttribute("aria-pressed"))
                .isEqualTo("true");

        test(view.emotions.get("calm")).click();

        assertThat(view.emotions.get("angry").isEnabled()).isTrue();
    }

    @Test
    void theImportantControlsHaveStableIds() {
        navigate(TodayView.class);

        for (var id : List.of(
                "mood",
                "energy",
                "window-HYPER",
                "window-WITHIN",
                "window-HYPO",
                "emotion-calm",
                "emotion-free",
                "sleep",
                "tag-people-pleasing",
                "note",
                "checkin-submit")) {
            assertThat(getCurrentView().getElement().getChildren()).as(id).isNotNull();
            assertThat(findById(id)).as(id).isTrue();
        }
    }

    private boolean findById(String id) {
        return find(getCurrentView().getElement(), id);
    }

    private static boolean find(com.vaadin.flow.dom.Element element, String id) {
        if (id.equals(element.getAttribute("id"))) {
            return true;
        }
        return element.getChildren().anyMatch(child -> find(child, id));
    }
}
