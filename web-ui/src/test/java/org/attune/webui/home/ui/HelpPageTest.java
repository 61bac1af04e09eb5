package org.attune.webui.home.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Paragraph;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.attune.events.Role;
import org.attune.testsupport.MutableClock;
import org.attune.webui.checkin.ClientViewsTestConfig;
import org.attune.webui.checkin.FakeCheckinGateway;
import org.attune.webui.safety.FakeSafetyGateway;
import org.attune.webui.safety.PlanSection;
import org.attune.webui.safety.SafetyGateway.OwnFlag;
import org.attune.webui.safety.SafetyPlan;
import org.attune.webui.ui.BackgroundAnswers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

/**
 * "Crisis lines & help" for a signed-in client: opening it raises nothing; the lines, the safety plan and an explained
 * "Let my therapist know" that raises a flag on every press; and honest words about who has seen what.
 */
@SpringJUnitConfig(ClientViewsTestConfig.class)
@ViewPackages(classes = WelcomeView.class)
class HelpPageTest extends SpringBrowserlessTest {

    @Autowired
    FakeCheckinGateway checkins;

    @Autowired
    FakeSafetyGateway safety;

    @Autowired
    MutableClock clock;

    @BeforeEach
    void client() {
        checkins.reset();
        safety.reset();
        clock.set(ClientViewsTestConfig.NOW);
        ClientViewsTestConfig.signIn(Role.CLIENT);
    }

    @AfterEach
    void signOut() {
        ClientViewsTestConfig.signOut();
    }

    /** The plan and who would be told are read off the request thread; give the answer a few round trips. */
    private void until(BooleanSupplier condition) {
        BackgroundAnswers.awaitShown(() -> roundTrip(), condition);
    }

    private CrisisResourcesView open() throws InterruptedException {
        // Leave the page first (the start page forwards a signed-in client on), so each call opens it anew.
        com.vaadin.flow.component.UI.getCurrent().navigate(WelcomeView.class);
        var view = navigate(CrisisResourcesView.class);
        until(() -> view.tell.isVisible() && view.plan.isVisible());
        return view;
    }

    private Button button(CrisisResourcesView view) {
        return find(Button.class, view).id("help-tell-therapist");
    }

    private Paragraph paragraph(CrisisResourcesView view, String id) {
        return find(Paragraph.class, view).id(id);
    }

    private static String text(com.vaadin.flow.component.Component c) {
        return c.getElement().getTextRecursively();
    }

    @Test
    void openingTheHelpPageRaisesNothingAndShowsTheLinesFirstThenThePlanThenWhoWouldBeTold()
            throws InterruptedException {
        safety.plan = new SafetyPlan(
                2,
                ClientViewsTestConfig.NOW,
                Map.of(
                        PlanSection.PEOPLE_TO_ASK,
                        List.of("Sam, 0123 456"),
                        PlanSection.REASONS_FOR_LIVING,
                        List.of("the sea")),
                List.of());

        var view = open();
        open();

        assertThat(checkins.helpNowCalls).hasValue(0);
        assertThat(text(view.lines)).contains("Attune is not an emergency service");
        assertThat(view.getChildren().toList()).containsSubsequence(view.lines, view.plan, view.tell);
        assertThat(text(view.plan))
                .contains("People I can ask for help")
                .contains("Sam, 0123 456")
                .contains("the sea");
        assertThat(paragraph(view, "help-tell-intro").getText())
                .contains("your therapist gets a safety alert")
                .contains("Each press");
        assertThat(text(view.tell))
                .contains("Attune is not an emergency service")
                .contains("may not see the alert straight away");
        assertThat(button(view).getText()).isEqualTo("Let my therapist know");
        assertThat(find(Paragraph.class, view).all())
                .noneMatch(p -> p.getId().orElse("").equals("help-alert-status"));
    }

    @Test
    void eachPressOfLetMyTherapistKnowRaisesItsOwnFlag() throws InterruptedException {
        var view = open();

        test(button(view)).click();
        test(button(view)).click();

        assertThat(checkins.helpNowCalls).hasValue(2);
        assertThat(paragraph(view, "help-alert-status").getText())
                .contains("Your therapist has been sent a safety alert");
        assertThat(button(view).isEnabled()).isTrue();
    }

    @Test
    void withoutATherapistHoldingSafetyAlertsThereIsNothingToPressOnlyTheWayToShareThem() throws InterruptedException {
        safety.recipients = 0;

        var view = open();

        assertThat(find(Button.class, view).all())
                .noneMatch(b -> b.getId().orElse("").equals("help-tell-therapist"));
        assertThat(paragraph(view, "help-tell-intro").getText()).contains("not sharing safety alerts with a therapist");
        assertThat(text(view.tell)).contains("Go to Sharing");
        assertThat(checkins.helpNowCalls).hasValue(0);
    }

    @Test
    void whenTheServiceIsDownTheLinesStayAndThePageSaysNoAlertWentOut() throws InterruptedException {
        checkins.down = true;
        safety.down = true;

        var view = open();
        test(button(view)).click();

        assertThat(text(view.lines)).contains("988");
        assertThat(text(view.plan)).contains("could not be loaded just now");
        assertThat(paragraph(view, "help-alert-status").getText()).contains("no alert has gone to your therapist");
        assertThat(button(view).isEnabled()).isTrue();

        checkins.down = false;
        test(button(view)).click();

        assertThat(paragraph(view, "help-alert-status").getText())
                .contains("Your therapist has been sent a safety alert");
        assertThat(checkins.helpNowCalls).hasValue(2);
    }

    @Test
    void aClientWithoutAPlanIsGentlyInvitedToWriteOne() throws InterruptedException {
        var view = open();

        assertThat(text(view.plan))
                .contains("You have not written a safety plan yet")
                .contains("Write my safety plan");
    }

    @Test
    void thePageSaysHowManyOfTheRecentAlertsATherapistHasSeen() throws InterruptedException {
        var now = ClientViewsTestConfig.NOW;
        safety.flags = List.of(
                new OwnFlag("a", "HELP_NOW", now.minusSeconds(60), false),
                new OwnFlag("b", "HELP_NOW", now.minusSeconds(120), true),
                new OwnFlag("old", "HELP_NOW", now.minus(Duration.ofDays(8)), false));

        var view = open();

        assertThat(paragraph(view, "help-alert-seen").getText())
                .isEqualTo("Your therapist has seen 1 of your 2 safety alerts from the last 7 days.");

        safety.flags = List.of(new OwnFlag("a", "HELP_NOW", now.minusSeconds(60), false));
        test(button(view)).click();

        assertThat(paragraph(view, "help-alert-seen").getText()).contains("has not seen your safety alert");
    }

    @Test
    void aTherapistOpeningHelpSeesTheLinesAndNothingToPress() throws InterruptedException {
        ClientViewsTestConfig.signIn(Role.THERAPIST);

        var view = navigate(CrisisResourcesView.class);
        roundTrip();

        assertThat(view.tell).isNull();
        assertThat(view.plan.isVisible()).isFalse();
        assertThat(checkins.helpNowCalls).hasValue(0);
        assertThat(safety.planReads).hasValue(0);
    }
}
