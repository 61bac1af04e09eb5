package org.attune.webui.settings.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.spring.security.SpringNavigationAccessControl;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.attune.events.Channel;
import org.attune.events.Role;
import org.attune.webui.library.ui.SignedIn;
import org.attune.webui.security.Caller;
import org.attune.webui.settings.AlertSettingsGateway;
import org.attune.webui.settings.SettingsGateway;
import org.attune.webui.settings.SettingsGateway.Saved;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

/** A therapist's safety-alert settings in Settings, against an in-memory notification-service. */
@SpringJUnitConfig(AlertSettingsSectionTest.Beans.class)
@ViewPackages(classes = SettingsView.class)
class AlertSettingsSectionTest extends SpringBrowserlessTest {

    /** Keeps the settings like the service: four hours and no address until saved. */
    static class FakeAlertSettings implements AlertSettingsGateway {

        volatile AlertSettings stored = new AlertSettings(240, null);
        volatile AlertSettings saved;
        volatile Saved nextAnswer;
        volatile boolean down;

        @Override
        public Optional<AlertSettings> alertSettings(Caller therapist) {
            return down ? Optional.empty() : Optional.of(stored);
        }

        @Override
        public Saved saveAlertSettings(Caller therapist, AlertSettings settings) {
            if (nextAnswer != null) {
                return nextAnswer;
            }
            saved = settings;
            stored = settings;
            return Saved.of(Saved.Status.SAVED);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Beans {

        @Bean
        SettingsViewTest.FakeReminderChoices fakeReminderChoices() {
            return new SettingsViewTest.FakeReminderChoices();
        }

        @Bean
        SettingsViewTest.FakeSettings fakeSettings() {
            var settings = new SettingsViewTest.FakeSettings();
            settings.stored = new SettingsGateway.Preferences(
                    "UTC", null, null, "21:00", "09:00", Set.of(Channel.IN_APP), null, List.of(), "en");
            return settings;
        }

        @Bean
        FakeAlertSettings fakeAlertSettings() {
            return new FakeAlertSettings();
        }

        @Bean
        VaadinServiceInitListener roleChecks() {
            var access = new SpringNavigationAccessControl();
            return event -> event.getSource().addUIInitListener(ui -> ui.getUI().addBeforeEnterListener(access));
        }
    }

    @Autowired
    FakeAlertSettings alerts;

    @BeforeEach
    void defaults() {
        alerts.stored = new AlertSettingsGateway.AlertSettings(240, null);
        alerts.saved = null;
        alerts.nextAnswer = null;
        alerts.down = false;
    }

    @AfterEach
    void signOut() {
        SignedIn.out();
    }

    private AlertSettingsSection section() {
        return (AlertSettingsSection) $(Section.class).id("settings-alerts");
    }

    @Test
    void aTherapistSeesFourHoursAsTheDefaultAndWhatEscalationMeans() {
        SignedIn.as(Role.THERAPIST);
        navigate(SettingsView.class);

        var section = section();
        assertThat(section.window.getValue()).isEqualTo(240);
        assertThat(section.windowLabel(240)).isEqualTo("4 hours (the default)");
        assertThat(section.windowLabel(15)).isEqualTo("15 minutes");
        assertThat(section.windowLabel(60)).isEqualTo("1 hour");
        assertThat(section.windowLabel(4320)).isEqualTo("72 hours");
        assertThat(section.escalationEmail.getValue()).isEmpty();
        assertThat(section.getElement().getTextRecursively())
                .contains("sent again")
                .contains("once a day until it is acknowledged")
                .contains("Quiet hours and paused reminders never hold back safety alerts");
    }

    @Test
    void aWindowAndAnEscalationAddressAreSavedAsTheServiceExpectsThem() {
        SignedIn.as(Role.THERAPIST);
        navigate(SettingsView.class);
        var section = section();

        test(section.window).selectItem("30 minutes");
        test(section.escalationEmail).setValue(" oncall@practice.example ");
        test(section.save).click();

        assertThat(alerts.saved).isEqualTo(new AlertSettingsGateway.AlertSettings(30, "oncall@practice.example"));
        assertThat(section.status.getText()).contains("Saved");

        test(section.escalationEmail).setValue("");
        test(section.save).click();
        assertThat(alerts.saved.escalationEmail())
                .as("an empty address is none")
                .isNull();
    }

    @Test
    void aWindowSetElsewhereIsOfferedAndKeptWhenOnlyTheAddressChanges() {
        alerts.stored = new AlertSettingsGateway.AlertSettings(90, "oncall@practice.example");
        SignedIn.as(Role.THERAPIST);
        navigate(SettingsView.class);
        var section = section();
        assertThat(section.window.getValue()).isEqualTo(90);

        test(section.escalationEmail).setValue("desk@practice.example");
        test(section.save).click();

        assertThat(alerts.saved).isEqualTo(new AlertSettingsGateway.AlertSettings(90, "desk@practice.example"));
    }

    @Test
    void theServicesFieldProblemsAreShownOnTheFields() {
        alerts.nextAnswer = new Saved(
                Saved.Status.INVALID,
                Map.of("escalationEmail", "must be an email address", "acknowledgementWindowMinutes", "too long"));
        SignedIn.as(Role.THERAPIST);
        navigate(SettingsView.class);
        var section = section();

        test(section.save).click();

        assertThat(section.escalationEmail.isInvalid()).isTrue();
        assertThat(section.escalationEmail.getErrorMessage()).contains("oncall@practice.org");
        assertThat(section.window.isInvalid()).isTrue();
        assertThat(section.window.getErrorMessage()).contains("between 15 minutes and 72 hours");
        assertThat(section.status.getText()).contains("need another look");
    }

    @Test
    void whenTheSettingsCannotBeLoadedNothingCanBeOverwritten() {
        alerts.down = true;
        SignedIn.as(Role.THERAPIST);
        navigate(SettingsView.class);
        var section = section();

        assertThat(section.save.isEnabled()).isFalse();
        assertThat(section.status.getText()).contains("couldn't load your alert settings");
    }

    @Test
    void aClientHasNoAlertSettings() {
        SignedIn.as(Role.CLIENT);
        navigate(SettingsView.class);

        assertThat($(Section.class).withId("settings-alerts").all()).isEmpty();
    }
}
