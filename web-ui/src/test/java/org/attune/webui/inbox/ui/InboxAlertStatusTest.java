package org.attune.webui.inbox.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.spring.security.SpringNavigationAccessControl;
import java.time.Instant;
import java.util.List;
import org.attune.events.Role;
import org.attune.webui.alerts.ClientAlertsGateway.ClientAlert;
import org.attune.webui.alerts.FakeClientAlerts;
import org.attune.webui.library.ui.SignedIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

/** The client's inbox says, in plain words, whether their therapist has seen each recent safety alert. */
@SpringJUnitConfig(InboxAlertStatusTest.Beans.class)
@ViewPackages(classes = InboxView.class)
class InboxAlertStatusTest extends SpringBrowserlessTest {

    @Configuration(proxyBeanMethods = false)
    static class Beans {

        @Bean
        InboxViewTest.FakeReminderChoices fakeReminderChoices() {
            return new InboxViewTest.FakeReminderChoices();
        }

        @Bean
        InboxViewTest.FakeInbox fakeInbox() {
            return new InboxViewTest.FakeInbox();
        }

        @Bean
        FakeClientAlerts fakeClientAlerts() {
            return new FakeClientAlerts();
        }

        @Bean
        VaadinServiceInitListener roleChecks() {
            var access = new SpringNavigationAccessControl();
            return event -> event.getSource().addUIInitListener(ui -> ui.getUI().addBeforeEnterListener(access));
        }
    }

    static final Instant RAISED = Instant.parse("2026-11-26T18:00:00Z");

    @Autowired
    FakeClientAlerts alerts;

    @BeforeEach
    void reset() {
        alerts.reset();
    }

    @AfterEach
    void signOut() {
        SignedIn.out();
    }

    private String text(String flagId) {
        return $(Div.class).id("alert-seen-" + flagId).getElement().getTextRecursively();
    }

    @Test
    void anAlertTheTherapistAcknowledgedSaysTheyHaveSeenItAndStillThatAttuneIsNotAnEmergencyService() {
        alerts.alerts = List.of(new ClientAlert("f1", "HELP_NOW", RAISED, RAISED.plusSeconds(600)));
        SignedIn.as(Role.CLIENT);

        navigate(InboxView.class);

        assertThat($(Section.class).id("recent-alerts").getElement().getTextRecursively())
                .contains("Your recent safety alerts", "You asked for help");
        assertThat(text("f1"))
                .contains("Your therapist has seen this")
                .contains("Attune is not an emergency service.")
                .doesNotContain("Not seen yet");
    }

    @Test
    void anAlertNotSeenYetSaysSoAndLeadsToTheCrisisLines() {
        alerts.alerts = List.of(
                new ClientAlert("f2", "SELF_HARM_ITEM", RAISED.plusSeconds(60), null),
                new ClientAlert("f1", "HELP_NOW", RAISED, RAISED.plusSeconds(600)));
        SignedIn.as(Role.CLIENT);

        navigate(InboxView.class);

        assertThat(text("f2"))
                .contains("Not seen yet")
                .contains("If you are in danger now")
                .contains("Attune is not an emergency service.");
        assertThat($(Anchor.class, $(Div.class).id("alert-seen-f2")).single().getHref())
                .isEqualTo("help");
        assertThat($(Section.class).id("recent-alerts").getElement().getTextRecursively())
                .contains("After your questionnaire answers");
        assertThat(text("f1")).contains("Your therapist has seen this");
    }

    @Test
    void anAlertNobodyReceivesSaysItDidNotGoToATherapistRatherThanNotSeenYet() {
        alerts.alerts = List.of(new ClientAlert("f3", "HELP_NOW", RAISED, null));
        alerts.shared = false;
        SignedIn.as(Role.CLIENT);

        navigate(InboxView.class);

        assertThat(text("f3"))
                .contains("did not go to a therapist")
                .contains("not sharing safety alerts")
                .contains("Attune is not an emergency service.")
                .doesNotContain("Not seen yet");
    }

    @Test
    void withoutRecentAlertsNothingIsShown() {
        SignedIn.as(Role.CLIENT);

        navigate(InboxView.class);

        assertThat($(Section.class).withId("recent-alerts").all()).isEmpty();
    }

    @Test
    void whenTheServiceDoesNotAnswerTheClientIsToldGentlyWhereHelpIs() {
        alerts.down = true;
        SignedIn.as(Role.CLIENT);

        navigate(InboxView.class);

        assertThat($(Section.class).id("recent-alerts").getElement().getTextRecursively())
                .contains("couldn't load just now")
                .contains("If you are in danger now");
    }

    @Test
    void atMostFiveRecentAlertsAreListed() {
        alerts.alerts = java.util.stream.IntStream.range(0, 7)
                .mapToObj(i -> new ClientAlert("f" + i, "HELP_NOW", RAISED.minusSeconds(i * 60L), null))
                .toList();
        SignedIn.as(Role.CLIENT);

        navigate(InboxView.class);

        assertThat($(Div.class).withClassName("attune-alert-seen-status").all()).hasSize(5);
    }

    @Test
    void aTherapistsInboxHasNoSuchSection() {
        alerts.alerts = List.of(new ClientAlert("f1", "HELP_NOW", RAISED, null));
        SignedIn.as(Role.THERAPIST);

        navigate(InboxView.class);

        assertThat($(Section.class).withId("recent-alerts").all()).isEmpty();
    }
}
