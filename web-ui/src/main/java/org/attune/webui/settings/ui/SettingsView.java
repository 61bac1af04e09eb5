package org.attune.webui.settings.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.shared.HasValidationProperties;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.timepicker.TimePicker;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;
import jakarta.annotation.security.RolesAllowed;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.attune.events.Channel;
import org.attune.webui.progress.ui.UserTime;
import org.attune.webui.security.Caller;
import org.attune.webui.settings.AlertSettingsGateway;
import org.attune.webui.settings.ReminderChoices;
import org.attune.webui.settings.SettingsGateway;
import org.attune.webui.settings.SettingsGateway.Saved;

/**
 * Reminder times, quiet hours, time zone, channels, mutes and language; a pause of reminders while one lasts; for
 * clients also the weekly session rhythm ({@link SessionRhythmSection}), for therapists their safety-alert settings
 * ({@link AlertSettingsSection}). Every reminder can be switched off here without a word of guilt; safety messages
 * always come through.
 */
@Route("settings")
@RolesAllowed({"CLIENT", "THERAPIST"})
class SettingsView extends Main implements HasDynamicTitle {

    static final List<String> CLIENT_KINDS = List.of(
            "daily-checkin",
            "weekly-questionnaire",
            "measure-due",
            "session-reminder",
            "session-connection-check",
            "content-recommended",
            "content-assigned",
            "consent-granted-client",
            "consent-ended-client");

    static final List<String> THERAPIST_KINDS =
            List.of("rupture-signal", "session-reminder", "consent-granted-therapist", "consent-ended-therapist");

    static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH);

    final ComboBox<String> timeZone = new ComboBox<>();
    final Checkbox dailyReminder = new Checkbox();
    final TimePicker dailyTime = new TimePicker();
    final Select<DayOfWeek> weeklyDay = new Select<>();
    final Checkbox quietHours = new Checkbox();
    final TimePicker quietStart = new TimePicker();
    final TimePicker quietEnd = new TimePicker();
    final CheckboxGroup<Channel> channels = new CheckboxGroup<>();
    final EmailField email = new EmailField();
    final Checkbox pauseAll = new Checkbox();
    final CheckboxGroup<String> muted = new CheckboxGroup<>();
    final Select<Locale> language = new Select<>();
    final Button save = new Button();
    final Paragraph status = new Paragraph();
    final Div form = new Div();

    final SessionRhythmSection rhythm;
    final PauseNotice paused;

    private final SettingsGateway settings;
    private final Caller caller;
    private final Map<String, HasValidationProperties> preferenceFields = new LinkedHashMap<>();
    private boolean loaded;

    SettingsView(SettingsGateway settings, AlertSettingsGateway alertSettings, ReminderChoices reminderChoices) {
        this.settings = settings;
        this.caller = Caller.current().orElseThrow();
        this.rhythm = new SessionRhythmSection(settings, caller, this::personsTime);
        this.paused = new PauseNotice(reminderChoices, caller, this::personsTime);
        addClassNames("attune-page", "attune-settings");
        buildPreferences();
        add(new H1(getTranslation("settings.title")), new Paragraph(getTranslation("settings.intro")), paused, form);
        if (caller.isClient()) {
            add(rhythm);
            // A rhythm not saved yet is in the person's own zone, as it stands above.
            timeZone.addValueChangeListener(e -> rhythm.personsZone(e.getValue()));
        }
        if (caller.isTherapist()) {
            add(new AlertSettingsSection(alertSettings, caller));
        }
        load();
        paused.load();
        if (caller.isClient()) {
            rhythm.personsZone(timeZone.getValue());
            rhythm.load();
        }
    }

    private void buildPreferences() {
        timeZone.setId("settings-time-zone");
        timeZone.setLabel(getTranslation("settings.time-zone"));
        timeZone.setItems(ZoneId.getAvailableZoneIds().stream().sorted().toList());
        timeZone.setAllowCustomValue(false);
        timeZone.setWidthFull();

        dailyReminder.setId("settings-daily");
        dailyReminder.setLabel(getTranslation("settings.daily"));
        dailyReminder.addValueChangeListener(e -> dailyTime.setEnabled(e.getValue()));
        dailyTime.setId("settings-daily-time");
        dailyTime.setLabel(getTranslation("settings.daily-time"));
        dailyTime.setStep(Duration.ofMinutes(15));

        weeklyDay.setId("settings-weekly-day");
        weeklyDay.setLabel(getTranslation("settings.weekly-day"));
        weeklyDay.setItems(DayOfWeek.values());
        weeklyDay.setEmptySelectionAllowed(true);
        weeklyDay.setEmptySelectionCaption(getTranslation("settings.weekly-day.none"));
        weeklyDay.setItemLabelGenerator(d -> SettingsForms.dayName(d, getLocale()));

        quietHours.setId("settings-quiet");
        quietHours.setLabel(getTranslation("settings.quiet"));
        quietHours.addValueChangeListener(e -> {
            quietStart.setEnabled(e.getValue());
            quietEnd.setEnabled(e.getValue());
        });
        quietStart.setId("settings-quiet-start");
        quietStart.setLabel(getTranslation("settings.quiet-start"));
        quietStart.setStep(Duration.ofMinutes(15));
        quietEnd.setId("settings-quiet-end");
        quietEnd.setLabel(getTranslation("settings.quiet-end"));
        quietEnd.setStep(Duration.ofMinutes(15));

        channels.setId("settings-channels");
        channels.setLabel(getTranslation("settings.channels"));
        channels.setItems(Channel.values());
        channels.setItemLabelGenerator(
                c -> getTranslation("settings.channel." + c.name().toLowerCase(Locale.ROOT)));
        channels.setItemEnabledProvider(c -> c != Channel.IN_APP);
        channels.setHelperText(getTranslation("settings.channels.help"));
        channels.addValueChangeListener(e -> email.setEnabled(e.getValue().contains(Channel.EMAIL)));
        email.setId("settings-email");
        email.setLabel(getTranslation("settings.email"));
        email.setMaxLength(254);
        email.setWidthFull();

        pauseAll.setId("settings-pause-all");
        pauseAll.setLabel(getTranslation("settings.pause-all"));
        pauseAll.addValueChangeListener(e -> muted.setEnabled(!e.getValue()));
        muted.setId("settings-muted");
        muted.setLabel(getTranslation("settings.muted"));
        muted.setItems(caller.isTherapist() ? THERAPIST_KINDS : CLIENT_KINDS);
        muted.setItemLabelGenerator(kind -> getTranslation("settings.kind." + kind));
        muted.setHelperText(getTranslation("settings.muted.help"));

        language.setId("settings-language");
        language.setLabel(getTranslation("settings.language"));
        language.setItems(LANGUAGES);
        language.setItemLabelGenerator(l -> l.getDisplayLanguage(l));
        language.setHelperText(getTranslation("settings.language.help"));
        language.setValue(LANGUAGES.contains(getLocale()) ? getLocale() : Locale.ENGLISH);

        save.setId("settings-save");
        save.setText(getTranslation("settings.save"));
        save.addThemeVariants(ButtonVariant.PRIMARY);
        save.addClickListener(e -> savePreferences());
        status.setId("settings-status");
        status.getElement().setAttribute("aria-live", "polite");

        preferenceFields.put("timeZone", timeZone);
        preferenceFields.put("timeZoneValid", timeZone);
        preferenceFields.put("dailyReminderTime", dailyTime);
        preferenceFields.put("weeklyQuestionnaireDay", weeklyDay);
        preferenceFields.put("quietHoursStart", quietStart);
        preferenceFields.put("quietHoursComplete", quietStart);
        preferenceFields.put("quietHoursEnd", quietEnd);
        preferenceFields.put("channels", channels);
        preferenceFields.put("channelsIncludeInApp", channels);
        preferenceFields.put("email", email);
        preferenceFields.put("emailGivenForEmailChannel", email);
        preferenceFields.put("mutedKinds", muted);

        var reminders = new Section(new H2(getTranslation("settings.reminders.title")));
        if (caller.isClient()) {
            reminders.add(dailyReminder, dailyTime, weeklyDay);
        }
        reminders.add(quietHours, quietStart, quietEnd);
        var how = new Section(new H2(getTranslation("settings.how.title")), channels, email, pauseAll, muted);
        var place = new Section(new H2(getTranslation("settings.place.title")), timeZone, language);
        form.addClassName("attune-settings-form");
        form.add(reminders, how, place, new Paragraph(getTranslation("settings.safety")), save, status);
    }

    private void load() {
        var saved = settings.preferences(caller);
        loaded = saved.isPresent();
        if (saved.isEmpty()) {
            status.setText(getTranslation("settings.unavailable"));
            save.setEnabled(false);
            useBrowserZoneIf(true);
            return;
        }
        var p = saved.get();
        timeZone.setValue(SettingsForms.knownZone(p.timeZone()));
        dailyReminder.setValue(p.dailyReminderTime() != null);
        dailyTime.setValue(
                p.dailyReminderTime() == null ? LocalTime.of(18, 0) : LocalTime.parse(p.dailyReminderTime()));
        dailyTime.setEnabled(p.dailyReminderTime() != null);
        weeklyDay.setValue(p.weeklyQuestionnaireDay());
        boolean quiet = p.quietHoursStart() != null && p.quietHoursEnd() != null;
        quietHours.setValue(quiet);
        quietStart.setValue(quiet ? LocalTime.parse(p.quietHoursStart()) : LocalTime.of(21, 0));
        quietEnd.setValue(quiet ? LocalTime.parse(p.quietHoursEnd()) : LocalTime.of(9, 0));
        quietStart.setEnabled(quiet);
        quietEnd.setEnabled(quiet);
        var chosen = EnumSet.of(Channel.IN_APP);
        chosen.addAll(p.channels());
        channels.setValue(chosen);
        email.setValue(p.email() == null ? "" : p.email());
        email.setEnabled(chosen.contains(Channel.EMAIL));
        pauseAll.setValue(p.mutedKinds().contains("all"));
        muted.setValue(Set.copyOf(p.mutedKinds().stream()
                .filter(k -> !"all".equals(k))
                .filter(k -> (caller.isTherapist() ? THERAPIST_KINDS : CLIENT_KINDS).contains(k))
                .toList()));
        showLanguage(p.language());
        // The service keeps UTC until someone chooses; offer the device's own zone instead.
        useBrowserZoneIf("UTC".equals(p.timeZone()) || "Etc/UTC".equals(p.timeZone()));
    }

    /**
     * Selects the stored language. One this web-ui has no texts for yet is still offered (and kept on save), so saving
     * other settings never quietly changes it.
     */
    private void showLanguage(String tag) {
        var stored = tag == null || tag.isBlank() ? Locale.ENGLISH : Locale.forLanguageTag(tag);
        if (stored.getLanguage().isEmpty()) {
            stored = Locale.ENGLISH;
        }
        if (!LANGUAGES.contains(stored)) {
            var offered = new ArrayList<>(LANGUAGES);
            offered.add(stored);
            language.setItems(offered);
        }
        language.setValue(stored);
    }

    /** A moment (the next session, the end of a pause) in the person's own zone (the one chosen here, else the browser's) and locale. */
    String personsTime(Instant at) {
        var chosen = SettingsForms.knownZone(timeZone.getValue());
        var zone = chosen == null ? UserTime.of(this).zone() : ZoneId.of(chosen);
        var local = at.atZone(zone);
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.FULL, FormatStyle.SHORT)
                        .withLocale(getLocale())
                        .withZone(zone)
                        .format(local)
                + " (" + zone.getId() + ")";
    }

    /** Fills the time zone from the browser, as a suggestion to save, when asked to. */
    private void useBrowserZoneIf(boolean condition) {
        if (!condition) {
            return;
        }
        var ui = UI.getCurrent();
        if (ui == null) {
            return;
        }
        ui.getPage().retrieveExtendedClientDetails(details -> suggestZone(details.getTimeZoneId()));
    }

    /** Suggests a zone the browser reported; kept package-private for tests, which have no browser. */
    void suggestZone(String zoneId) {
        var zone = SettingsForms.knownZone(zoneId);
        if (zone != null && !zone.equals(timeZone.getValue())) {
            timeZone.setValue(zone);
            timeZone.setHelperText(getTranslation("settings.time-zone.from-device"));
        }
    }

    private void savePreferences() {
        if (!loaded) {
            return;
        }
        SettingsForms.clearErrors(preferenceFields);
        var chosen = EnumSet.of(Channel.IN_APP);
        if (channels.getValue() != null) {
            chosen.addAll(channels.getValue());
        }
        List<String> mutedKinds = pauseAll.getValue() ? List.of("all") : new ArrayList<>(muted.getValue());
        var preferences = new SettingsGateway.Preferences(
                timeZone.getValue() == null ? "" : timeZone.getValue(),
                caller.isClient() && dailyReminder.getValue() ? SettingsForms.time(dailyTime) : null,
                caller.isClient() ? weeklyDay.getValue() : null,
                quietHours.getValue() ? SettingsForms.time(quietStart) : null,
                quietHours.getValue() ? SettingsForms.time(quietEnd) : null,
                chosen,
                chosen.contains(Channel.EMAIL) && !email.isEmpty()
                        ? email.getValue().strip()
                        : null,
                mutedKinds,
                language.getValue() == null
                        ? Locale.ENGLISH.toLanguageTag()
                        : language.getValue().toLanguageTag());
        var result = settings.savePreferences(caller, preferences);
        if (result.status() == Saved.Status.SAVED) {
            timeZone.setHelperText(null);
            applyLanguage();
        }
        SettingsForms.show(this, result, preferenceFields, status, "settings.saved");
    }

    private void applyLanguage() {
        var chosen = language.getValue();
        if (chosen != null && !chosen.equals(getLocale())) {
            var session = VaadinSession.getCurrent();
            if (session != null) {
                session.setLocale(chosen);
            }
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("settings.page-title");
    }
}
