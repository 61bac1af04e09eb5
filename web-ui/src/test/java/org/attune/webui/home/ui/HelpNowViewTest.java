package org.attune.webui.home.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.server.VaadinSession;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.attune.events.Role;
import org.attune.testsupport.MutableClock;
import org.attune.webui.checkin.ClientViewsTestConfig;
import org.attune.webui.checkin.FakeCheckinGateway;
import org.attune.webui.checkin.HelpNowAlerts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

/** "I need help now" for a signed-in client: the lines at once, the safety flag raised once, and honest words. */
@SpringJUnitConfig(ClientViewsTestConfig.class)
@ViewPackages(classes = WelcomeView.class)
class HelpNowViewTest extends SpringBrowserlessTest {

    @Autowired
    FakeCheckinGateway checkins;

    @Autowired
    MutableClock clock;

    @BeforeEach
    void client() {
        checkins.reset();
        clock.set(ClientViewsTestConfig.NOW);
        ClientViewsTestConfig.signIn(Role.CLIENT);
    }

    @AfterEach
    void signOut() {
        ClientViewsTestConfig.signOut();
    }

    /** The flag is raised off the request thread; give its answer a few round trips to arrive. */
    private void until(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(20);
            // Browserless round trips do not run UI.access tasks from other threads; run them as the server would.
            var session = VaadinSession.getCurrent();
            session.getService().runPendingAccessTasks(session);
            roundTrip();
        }
    }

    /** Opens the page afresh (as a refresh or a new tab would) and waits for the alert's answer. */
    private CrisisResourcesView openAndWait() throws InterruptedException {
        // Away and back, as a refresh would; the start page sends someone signed in on to their own start, which is
        // not part of this test, so the client steps out for that moment.
        var me = org.springframework.security.core.context.SecurityContextHolder.getContext()
                .getAuthentication();
        ClientViewsTestConfig.signOut();
        navigate(WelcomeView.class);
        org.springframework.security.core.context.SecurityContextHolder.getContext()
                .setAuthentication(me);
        var view = navigate(CrisisResourcesView.class);
        until(() -> !view.alertStatus.getText().contains("Letting Attune know"));
        return view;
    }

    @Test
    void aClientOpeningHelpSeesTheLinesAndRaisesTheSafetyFlag() throws InterruptedException {
        var view = openAndWait();

        assertThat(view.lines.getElement().getTextRecursively()).contains("988").contains("116 123");
        assertThat(checkins.helpNowCalls).hasValue(1);
        assertThat(view.alertStatus.isVisible()).isTrue();
        assertThat(view.alertStatus.getText())
                .contains("We have raised a safety alert")
                .contains("may not see it straight away");
    }

    @Test
    void openingHelpAgainWithinAFewMinutesRaisesNoSecondFlag() throws InterruptedException {
        openAndWait();
        clock.advance(Duration.ofMinutes(3));

        var again = openAndWait();

        assertThat(checkins.helpNowCalls).hasValue(1);
        assertThat(again.alertStatus.getText()).contains("a few minutes ago");
    }

    @Test
    void afterTheQuietWindowANewRequestForHelpRaisesANewFlag() throws InterruptedException {
        openAndWait();
        clock.advance(HelpNowAlerts.REPEAT_WINDOW.plusSeconds(1));

        openAndWait();

        assertThat(checkins.helpNowCalls).hasValue(2);
    }

    @Test
    void whenTheServiceIsDownTheLinesStillShowAndThePageSaysNoAlertWentOut() throws InterruptedException {
        checkins.down = true;

        var view = openAndWait();

        assertThat(view.lines.getElement().getTextRecursively()).contains("988");
        assertThat(view.alertStatus.getText()).contains("no alert has gone to your therapist");
        assertThat(view.retry.isVisible()).isTrue();

        checkins.down = false;
        test(view.retry).click();
        until(() -> view.alertStatus.getText().contains("We have raised"));

        assertThat(view.alertStatus.getText()).contains("We have raised a safety alert");
        assertThat(checkins.helpNowCalls).hasValue(2);
    }

    @Test
    void aTherapistOpeningHelpRaisesNoFlag() throws InterruptedException {
        ClientViewsTestConfig.signIn(Role.THERAPIST);

        var view = navigate(CrisisResourcesView.class);
        Thread.sleep(100);
        roundTrip();

        assertThat(view.alertStatus.isVisible()).isFalse();
        assertThat(checkins.helpNowCalls).hasValue(0);
    }
}
