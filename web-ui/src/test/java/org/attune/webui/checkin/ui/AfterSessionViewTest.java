package org.attune.webui.checkin.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import java.time.LocalDate;
import org.attune.events.Role;
import org.attune.webui.checkin.ClientViewsTestConfig;
import org.attune.webui.checkin.FakeCheckinGateway;
import org.attune.webui.checkin.FakeCheckinGateway.Shared;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

/** The session connection check and the gentle rupture page, without a browser. */
@SpringJUnitConfig(ClientViewsTestConfig.class)
@ViewPackages(packages = "org.attune.webui.checkin.ui")
class AfterSessionViewTest extends SpringBrowserlessTest {

    @Autowired
    FakeCheckinGateway checkins;

    @BeforeEach
    void client() {
        checkins.reset();
        ClientViewsTestConfig.signIn(Role.CLIENT);
    }

    @AfterEach
    void signOut() {
        ClientViewsTestConfig.signOut();
    }

    private AfterSessionView rate(int heard, int goals, int approach, int overall) {
        var view = navigate(AfterSessionView.class);
        test(view.heard).setValue(heard);
        test(view.goals).setValue(goals);
        test(view.approach).setValue(approach);
        test(view.overall).setValue(overall);
        return view;
    }

    private <T extends Component> T byId(Class<T> type, Component within, String id) {
        return find(type, within).all().stream()
                .filter(c -> c.getId().orElse("").equals(id))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + id));
    }

    @Test
    void aSessionThatFeltRightIsSavedAndThanked() {
        var view = rate(9, 8, 9, 9);
        test(view.sessionDate).setValue(LocalDate.of(2026, 11, 26));
        test(view.text).setValue("We finally talked about my sister.");
        test(view.share).click();

        test(view.submit).click();

        assertThat(checkins.feedbackSent).hasSize(1);
        var sent = checkins.feedbackSent.getFirst();
        assertThat(sent.heard()).isEqualTo(9);
        assertThat(sent.goals()).isEqualTo(8);
        assertThat(sent.approach()).isEqualTo(9);
        assertThat(sent.overall()).isEqualTo(9);
        assertThat(sent.sessionDate()).isEqualTo(LocalDate.of(2026, 11, 26));
        assertThat(sent.text()).isEqualTo("We finally talked about my sister.");
        assertThat(sent.shareComment()).as("the words are shared").isTrue();
        assertThat(view.result.getElement().getTextRecursively())
                .contains("Thank you")
                .contains("Your therapist can read what you wrote");
    }

    @Test
    void theCheckSaysItIsAttunesOwnAndNotValidated() {
        var view = navigate(AfterSessionView.class);

        assertThat(view.form.getElement().getTextRecursively()).contains("not a validated questionnaire");
    }

    @Test
    void aSliderThatWasNotMovedIsNotTakenAsAnAnswer() {
        var view = navigate(AfterSessionView.class);
        test(view.heard).setValue(8);

        test(view.submit).click();

        assertThat(checkins.feedbackSent).isEmpty();
        assertThat(view.heard.isInvalid()).isFalse();
        assertThat(view.goals.isInvalid()).isTrue();
        assertThat(view.overall.getErrorMessage()).contains("Any number is fine");
    }

    @Test
    void aRuptureSignalOffersWordsAndSharingNowSharesIt() {
        checkins.ruptureSignal = true;
        var view = rate(3, 4, 3, 3);
        test(view.text).setValue("It felt rushed.");

        test(view.submit).click();

        var rupture = view.result.getElement().getTextRecursively();
        assertThat(rupture)
                .contains("something did not quite fit")
                .contains("Something about last session didn't sit right with me")
                .contains("Would you like your therapist to read what you wrote");
        assertThat(checkins.feedbackSent.getFirst().shareComment()).isFalse();

        test(byId(Button.class, view.result, "feedback-share-now")).click();

        assertThat(checkins.shared).containsExactly(new Shared("feedback-1", true));
        assertThat(view.result.getElement().getTextRecursively()).contains("Shared.");
    }

    @Test
    void keepingItPrivateSharesNothing() {
        checkins.ruptureSignal = true;
        var view = rate(2, 2, 2, 2);
        test(view.text).setValue("Too fast.");
        test(view.submit).click();

        test(byId(Button.class, view.result, "feedback-keep-private")).click();

        assertThat(checkins.shared).isEmpty();
        assertThat(view.result.getElement().getTextRecursively()).contains("Kept private");
    }

    @Test
    void aRuptureWithoutWordsSaysPlainlyWhoSeesTheRatingsAndOffersNothingToShare() {
        checkins.ruptureSignal = true;
        var view = rate(2, 3, 2, 2);
        test(view.submit).click();

        assertThat(view.result.getElement().getTextRecursively())
                .contains("your therapist sees these ratings")
                .doesNotContain("Share what I wrote now");
        assertThat(checkins.shared).isEmpty();
    }

    @Test
    void whenTheServiceIsUnreachableWhatWasEnteredStays() {
        checkins.down = true;
        var view = rate(7, 7, 7, 7);
        test(view.text).setValue("Good.");

        test(view.submit).click();

        assertThat(view.status.getText()).contains("not saved yet");
        assertThat(view.form.isVisible()).isTrue();
        assertThat(view.text.getValue()).isEqualTo("Good.");
        assertThat(view.submit.isEnabled()).isTrue();
    }
}
