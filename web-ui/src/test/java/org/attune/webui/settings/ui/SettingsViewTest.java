package org.attune.webui.settings.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.spring.security.SpringNavigationAccessControl;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.attune.events.Channel;
import org.attune.events.Role;
import org.attune.webui.library.ui.SignedIn;
import org.attune.webui.security.Caller;
import org.attune.webui.settings.ReminderChoices;
import org.attune.webui.settings.SettingsGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

/** Settings without a browser, against an in-memory notification-service that answers like the real one. */
@SpringJUnitConfig(SettingsViewTest.Beans.class)
@ViewPackages(classes = SettingsView.class)
class SettingsViewTest extends SpringBrowserlessTest {

    static class FakeSettings implements SettingsGateway {

        volatile Preferences stored;
        volatile Preferences saved;
        volatile SessionRhythm rhythm;
        volatile StoredRhythm storedRhythm = StoredRhythm.none();
        volatile Saved nextAnswer;
        volatile boolean down;

        @Override
        public Optional<Preferences> preferences(Caller caller) {
            return down ? Optional.empty() : Optional.of(stored);
        }

        @Override
        public Saved savePreferences(Caller caller, Preferences preferences) {
            if (nextAnswer != null) {
                return nextAnswer;
            }
            saved = preferences;
            return Saved.of(Saved.Status.SAVED);
        }

        @Override
        public StoredRhythm sessionRhythm(Caller caller) {
            return storedRhythm;
        }

        @Override
        public Saved saveSessionRhythm(Caller caller, SessionRhythm r) {
            if (nextAnswer != null) {
                return nextAnswer;
            }
            rhythm = r;
            return Saved.of(Saved.Status.SAVED);
        }
    }

    /** Pauses like the service: until a moment, ended sooner on request. */
    static class FakeReminderChoices implements ReminderChoices {

        volatile Instant pausedUntil;
        volatile boolean resumed;

        @Override
        public Result mute(Caller caller, String kind) {
            return Result.DONE;
        }

        @Override
        public Result pauseForAWeek(Caller caller) {
            return Result.DONE;
        }

        @Override
        public Result resume(Caller caller) {
            pausedUntil = null;
            resumed = true;
            return Result.DONE;
        }

        @Override
        public Optional<Instant> pausedUntil(Caller caller) {
            return Optional.ofNullable(pausedUntil);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Beans {

        @Bean
        FakeSettings fakeSettings() {
            return new FakeSettings();
        }

        @Bean
        AlertSettingsSectionTest.FakeAlertSettings fakeAlertSettings() {
            return new AlertSettingsSectionTest.FakeAlertSettings();
        }

        @Bean
        FakeReminderChoices fakeReminderChoices() {
            return new FakeReminderChoices();
        }

        @Bean
        VaadinServiceInitListener roleChecks() {
            var access = new SpringNavigationAccessControl();
            return event -> event.getSource().addUIInitListener(ui -> ui.getUI().addBeforeEnterListener(access));
        }
    }

    @Autowired
    FakeSettings settings;

    @Autowired
    FakeReminderChoices choices;

    @BeforeEach
    void gentleDefaults() {
        // What the service answers before anyone saved: UTC, 18:00, quiet 21:00–09:00, in-app only.
        settings.stored = new SettingsGateway.Preferences(
                "UTC", "18:00", null, "21:00", "09:00", Set.of(Channel.IN_APP), null, List.of(), "en");
        settings.saved = null;
        settings.rhythm = null;
        settings.storedRhythm = SettingsGateway.StoredRhythm.none();
        settings.nextAnswer = null;
        settings.down = false;
        choices.pausedUntil = null;
        choices.resumed = false;
    }

    @AfterEach
    void signOut() {
        SignedIn.out();
    }

    @Test
    void theSavedPreferencesAreShownAndTheDevicesTimeZoneIsOfferedInsteadOfUtc() {
        SignedIn.as(Role.CLIENT);
        var view = navigate(SettingsView.class);

        assertThat(view.dailyReminder.getValue()).isTrue();
        assertThat(view.dailyTime.getValue()).isEqualTo(LocalTime.of(18, 0));
        assertThat(view.quietHours.getValue()).isTrue();
        assertThat(view.quietStart.getValue()).isEqualTo(LocalTime.of(21, 0));
        assertThat(view.channels.getValue()).containsExactly(Channel.IN_APP);
        assertThat(view.timeZone.getValue()).isEqualTo("UTC");

        view.suggestZone("Europe/Berlin");

        assertThat(view.timeZone.getValue()).isEqualTo("Europe/Berlin");
        assertThat(view.timeZone.getHelperText()).contains("Taken from this device");
    }

    @Test
    void aSavedZoneIsKeptAsItIs() {
        settings.stored = new SettingsGateway.Preferences(
                "America/Chicago",
                null,
                DayOfWeek.MONDAY,
                null,
                null,
                Set.of(Channel.IN_APP, Channel.EMAIL),
                "rae@example.org",
                List.of("content-recommended"),
                "en");
        SignedIn.as(Role.CLIENT);

        var view = navigate(SettingsView.class);

        assertThat(view.timeZone.getValue()).isEqualTo("America/Chicago");
        assertThat(view.dailyReminder.getValue()).isFalse();
        assertThat(view.dailyTime.isEnabled()).isFalse();
        assertThat(view.weeklyDay.getValue()).isEqualTo(DayOfWeek.MONDAY);
        assertThat(view.quietHours.getValue()).isFalse();
        assertThat(view.email.getValue()).isEqualTo("rae@example.org");
        assertThat(view.muted.getValue()).containsExactly("content-recommended");
    }

    @Test
    void changesAreSavedAsTheServiceExpectsThem() {
        SignedIn.as(Role.CLIENT);
        var view = navigate(SettingsView.class);

        test(view.timeZone).selectItem("Europe/London");
        test(view.dailyTime).setValue(LocalTime.of(8, 30));
        test(view.weeklyDay).selectItem("Sunday");
        test(view.quietHours).click();
        test(view.channels).selectItem("By email");
        test(view.email).setValue("rae@example.org");
        test(view.muted).selectItem("Suggested library pieces");
        test(view.save).click();

        assertThat(settings.saved)
                .isEqualTo(new SettingsGateway.Preferences(
                        "Europe/London",
                        "08:30",
                        DayOfWeek.SUNDAY,
                        null,
                        null,
                        Set.of(Channel.IN_APP, Channel.EMAIL),
                        "rae@example.org",
                        List.of("content-recommended"),
                        "en"));
        assertThat(view.status.getText()).startsWith("Saved.");
    }

    @Test
    void remindersOfScheduledQuestionnairesCanBeMutedLikeTheOtherRemindersAndAMuteFromTheInboxIsKept() {
        settings.stored = new SettingsGateway.Preferences(
                "UTC", "18:00", null, "21:00", "09:00", Set.of(Channel.IN_APP), null, List.of("measure-due"), "en");
        SignedIn.as(Role.CLIENT);
        var view = navigate(SettingsView.class);

        assertThat(view.muted.getValue()).containsExactly("measure-due");
        test(view.muted).selectItem("Suggested library pieces");
        test(view.save).click();

        assertThat(settings.saved.mutedKinds()).containsExactlyInAnyOrder("measure-due", "content-recommended");
        assertThat(ReminderChoices.KINDS).contains("measure-due");
    }

    @Test
    void pausingEverythingIsOneTickAndSaysSafetyStillComesThrough() {
        SignedIn.as(Role.CLIENT);
        var view = navigate(SettingsView.class);

        test(view.pauseAll).click();
        test(view.save).click();

        assertThat(settings.saved.mutedKinds()).containsExactly("all");
        assertThat(view.muted.isEnabled()).isFalse();
        assertThat(view.getElement().getTextRecursively()).contains("Safety messages always come through");
    }

    @Test
    void fieldErrorsFromTheServiceAreShownOnTheMatchingFields() {
        SignedIn.as(Role.CLIENT);
        var view = navigate(SettingsView.class);
        settings.nextAnswer = new SettingsGateway.Saved(
                SettingsGateway.Saved.Status.INVALID,
                Map.of(
                        "emailGivenForEmailChannel", "is needed for the EMAIL channel",
                        "quietHoursComplete", "quietHoursStart and quietHoursEnd go together",
                        "timeZoneValid", "must be a valid IANA time zone such as Europe/London"));

        test(view.save).click();

        assertThat(view.email.isInvalid()).isTrue();
        assertThat(view.email.getErrorMessage()).isEqualTo("Please add an email address to get reminders by email.");
        assertThat(view.quietStart.isInvalid()).isTrue();
        assertThat(view.quietStart.getErrorMessage()).contains("both a start and an end");
        assertThat(view.timeZone.isInvalid()).isTrue();
        assertThat(view.dailyTime.isInvalid()).isFalse();
        assertThat(view.status.getText()).contains("marked above");

        settings.nextAnswer = null;
        test(view.save).click();

        assertThat(view.email.isInvalid()).isFalse();
        assertThat(view.status.getText()).startsWith("Saved.");
    }

    @Test
    void anUnknownFieldErrorFallsBackToTheServicesOwnWords() {
        SignedIn.as(Role.CLIENT);
        var view = navigate(SettingsView.class);
        settings.nextAnswer = new SettingsGateway.Saved(
                SettingsGateway.Saved.Status.INVALID, Map.of("mutedKinds[0]", "must be a known notification kind"));

        test(view.save).click();

        assertThat(view.muted.isInvalid()).isTrue();
        assertThat(view.muted.getErrorMessage()).isEqualTo("must be a known notification kind");
    }

    @Test
    void whenSettingsCannotBeLoadedNothingCanBeOverwritten() {
        settings.down = true;
        SignedIn.as(Role.CLIENT);

        var view = navigate(SettingsView.class);

        assertThat(view.status.getText())
                .contains("couldn't load your settings")
                .contains("won't change anything");
        assertThat(view.save.isEnabled()).isFalse();
    }

    @Test
    void theSessionRhythmIsSavedWithTheChosenZoneAndItsErrorsShowOnItsFields() {
        SignedIn.as(Role.CLIENT);
        var view = navigate(SettingsView.class);

        test(view.timeZone).selectItem("Europe/Dublin");
        test(view.rhythm.day).selectItem("Tuesday");
        test(view.rhythm.time).setValue(LocalTime.of(14, 0));
        test(view.rhythm.save).click();

        assertThat(settings.rhythm)
                .isEqualTo(new SettingsGateway.SessionRhythm("Europe/Dublin", DayOfWeek.TUESDAY, "14:00", 50));
        assertThat(view.rhythm.status.getText()).startsWith("Saved.");

        settings.nextAnswer = new SettingsGateway.Saved(
                SettingsGateway.Saved.Status.INVALID, Map.of("weeklyComplete", "weeklyDay and weeklyTime go together"));
        test(view.rhythm.save).click();

        assertThat(view.rhythm.day.isInvalid()).isTrue();
        assertThat(view.rhythm.day.getErrorMessage()).contains("both a day and a time");
    }

    @Test
    void aTherapistSetsQuietHoursAndEmailButHasNoCheckInRemindersOrSessionRhythmHere() {
        SignedIn.as(Role.THERAPIST);
        settings.stored = new SettingsGateway.Preferences(
                "Europe/London", null, null, "21:00", "09:00", Set.of(Channel.IN_APP), null, List.of(), "en");

        var view = navigate(SettingsView.class);

        assertThat(view.dailyReminder.getParent()).isEmpty();
        assertThat(view.rhythm.getParent()).isEmpty();
        assertThat(view.muted.getGenericDataView().getItems().toList())
                .contains("rupture-signal")
                .doesNotContain("daily-checkin");

        test(view.save).click();

        assertThat(settings.saved.dailyReminderTime()).isNull();
        assertThat(settings.saved.quietHoursStart()).isEqualTo("21:00");
    }

    @Test
    void theStoredLanguageIsSelectedAndSentBackWithEverySave() {
        SignedIn.as(Role.CLIENT);
        var view = navigate(SettingsView.class);

        assertThat(view.language.getValue()).isEqualTo(Locale.ENGLISH);

        test(view.save).click();

        assertThat(settings.saved.language()).isEqualTo("en");
    }

    @Test
    void aLanguageThisPageHasNoTextsForYetIsShownAndKeptRatherThanResetToEnglish() {
        settings.stored = new SettingsGateway.Preferences(
                "Europe/Lisbon", "18:00", null, null, null, Set.of(Channel.IN_APP), null, List.of(), "pt-BR");
        SignedIn.as(Role.CLIENT);
        var view = navigate(SettingsView.class);

        assertThat(view.language.getValue()).isEqualTo(Locale.forLanguageTag("pt-BR"));

        test(view.quietHours).click();
        test(view.save).click();

        assertThat(settings.saved.language()).isEqualTo("pt-BR");
        assertThat(settings.saved.quietHoursStart()).isEqualTo("21:00");
    }

    @Test
    void theSavedSessionRhythmFillsTheFormAndTheNextSessionIsShownInThePersonsZone() {
        settings.stored = new SettingsGateway.Preferences(
                "Europe/Berlin", "18:00", null, null, null, Set.of(Channel.IN_APP), null, List.of(), "en");
        settings.storedRhythm = new SettingsGateway.StoredRhythm(
                SettingsGateway.StoredRhythm.State.SET,
                new SettingsGateway.SessionRhythm("Europe/Berlin", DayOfWeek.THURSDAY, "17:30", 60),
                Instant.parse("2026-12-03T16:30:00Z"));
        SignedIn.as(Role.CLIENT);

        var view = navigate(SettingsView.class);

        assertThat(view.rhythm.day.getValue()).isEqualTo(DayOfWeek.THURSDAY);
        assertThat(view.rhythm.time.getValue()).isEqualTo(LocalTime.of(17, 30));
        assertThat(view.rhythm.duration.getValue()).isEqualTo(60);
        assertThat(view.rhythm.next.getText())
                .startsWith("Your next session:")
                .contains("Thursday")
                .contains("5:30")
                .contains("Europe/Berlin");
    }

    @Test
    void withoutASavedRhythmTheFormKeepsItsDefaultsAndSaysNoneIsSetYet() {
        SignedIn.as(Role.CLIENT);

        var view = navigate(SettingsView.class);

        assertThat(view.rhythm.day.getValue()).isNull();
        assertThat(view.rhythm.duration.getValue()).isEqualTo(50);
        assertThat(view.rhythm.next.getText()).contains("No session rhythm is saved yet");
    }

    @Test
    void whenTheRhythmCannotBeReadThePageSaysSoAndSavingStillWorks() {
        settings.storedRhythm = SettingsGateway.StoredRhythm.unknown();
        SignedIn.as(Role.CLIENT);

        var view = navigate(SettingsView.class);

        assertThat(view.rhythm.next.getText()).contains("couldn't load your saved session rhythm");
        assertThat(view.rhythm.save.isEnabled()).isTrue();
    }

    @Test
    void aSavedRhythmIsShownAndSavedInItsOwnZoneNotTheZoneChosenAbove() {
        settings.stored = new SettingsGateway.Preferences(
                "America/New_York", "18:00", null, null, null, Set.of(Channel.IN_APP), null, List.of(), "en");
        settings.storedRhythm = new SettingsGateway.StoredRhythm(
                SettingsGateway.StoredRhythm.State.SET,
                new SettingsGateway.SessionRhythm("Europe/Berlin", DayOfWeek.THURSDAY, "17:30", 60),
                Instant.parse("2026-12-03T16:30:00Z"));
        SignedIn.as(Role.CLIENT);
        var view = navigate(SettingsView.class);

        assertThat(view.rhythm.time.getValue()).isEqualTo(LocalTime.of(17, 30));
        assertThat(view.rhythm.zone.getValue())
                .as("the zone the time is in is on the form")
                .isEqualTo("Europe/Berlin");

        test(view.timeZone).selectItem("Asia/Tokyo");
        test(view.rhythm.day).selectItem("Friday");
        test(view.rhythm.save).click();

        assertThat(settings.rhythm)
                .as("17:30 as shown, in the zone shown")
                .isEqualTo(new SettingsGateway.SessionRhythm("Europe/Berlin", DayOfWeek.FRIDAY, "17:30", 60));
    }

    @Test
    void aNewRhythmFollowsThePersonsZoneUntilAnotherIsChosenForIt() {
        settings.stored = new SettingsGateway.Preferences(
                "America/New_York", "18:00", null, null, null, Set.of(Channel.IN_APP), null, List.of(), "en");
        SignedIn.as(Role.CLIENT);
        var view = navigate(SettingsView.class);

        assertThat(view.rhythm.zone.getValue()).isEqualTo("America/New_York");
        view.suggestZone("Europe/Lisbon");
        assertThat(view.rhythm.zone.getValue()).isEqualTo("Europe/Lisbon");

        test(view.rhythm.zone).selectItem("Europe/Madrid");
        test(view.timeZone).selectItem("Asia/Tokyo");
        test(view.rhythm.day).selectItem("Monday");
        test(view.rhythm.time).setValue(LocalTime.of(9, 0));
        test(view.rhythm.save).click();

        assertThat(settings.rhythm.timeZone()).isEqualTo("Europe/Madrid");
        assertThat(view.rhythm.getElement().getTextRecursively()).contains("single sessions your therapist added");
    }

    @Test
    void whileRemindersArePausedThePageSaysUntilWhenAndOffersToRestartThem() {
        choices.pausedUntil = Instant.parse("2026-12-08T10:00:00Z");
        settings.stored = new SettingsGateway.Preferences(
                "Europe/London", "18:00", null, null, null, Set.of(Channel.IN_APP), null, List.of(), "en");
        SignedIn.as(Role.CLIENT);
        var view = navigate(SettingsView.class);

        assertThat(view.paused.isVisible()).isTrue();
        assertThat(view.paused.text.getText())
                .contains("paused until")
                .contains("Europe/London")
                .contains("start again by themselves")
                .contains("Safety messages still come through");

        test(view.paused.resume).click();

        assertThat(choices.resumed).isTrue();
        assertThat(view.paused.text.getText()).contains("on again");
        assertThat(view.paused.resume.isVisible()).isFalse();
    }

    @Test
    void withoutAPauseThereIsNoNotice() {
        SignedIn.as(Role.CLIENT);
        var view = navigate(SettingsView.class);

        assertThat(view.paused.isVisible()).isFalse();
    }

    @Test
    void onlySignedInPeopleOpenSettings() {
        SignedIn.out();
        UI.getCurrent().navigate("settings");
        assertThat(getCurrentView()).isNotInstanceOf(SettingsView.class);

        SignedIn.as(Role.CLIENT);
        UI.getCurrent().navigate("settings");
        assertThat(getCurrentView()).isInstanceOf(SettingsView.class);
    }
}
