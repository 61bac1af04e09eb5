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
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.timepicker.TimePicker;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;
import jakarta.annotation.security.RolesAllowed;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.format.TextStyle;
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
import org.attune.webui.settings.SettingsGateway;
import org.attune.webui.settings.SettingsGateway.Saved;

/**
 * Reminder times, quiet hours, time zone, channels, mutes and language; for clients also the weekly session rhythm,
 * for therapists their safety-alert settings ({@link AlertSettingsSection}).
 * Every reminder can be switched off here without a word of guilt; safety messages always come through.
 */
@Route("settings")
@RolesAllowed({"CLIENT", "THERAPIST"})
class SettingsView extends Main implements HasDynamicTitle {

    static final List<String> CLIENT_KINDS = List.of(
            "daily-checkin",
            "weekly-questionnaire",
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

    final Select<DayOfWeek> sessionDay = new Select<>();
    final TimePicker sessionTime = new TimePicker();
    final IntegerField sessionDuration = new IntegerField();
    final Button sessionSave = new Button();
    final Paragraph sessionStatus = new Paragraph();
    final Paragraph sessionNext = new Paragraph();

    private final SettingsGateway settings;
    private final Caller caller;
    private final Map<String, HasValidationProperties> preferenceFields = new LinkedHashMap<>();
    private final Map<String, HasValidationProperties> rhythmFields = new LinkedHashMap<>();
    private boolean loaded;

    SettingsView(SettingsGateway settings, AlertSettingsGateway alertSettings) {
        this.settings = settings;
        this.caller = Caller.current().orElseThrow();
        addClassNames("attune-page", "attune-settings");
        buildPreferences();
        add(new H1(getTranslation("settings.title")), new Paragraph(getTranslation("settings.intro")), form);
        if (caller.isClient()) {
            add(buildRhythm());
        }
        if (caller.isTherapist()) {
            add(new AlertSettingsSection(alertSettings, caller));
        }
        load();
        if (caller.isClient()) {
            loadRhythm();
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
        weeklyDay.setItemLabelGenerator(this::dayName);

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

    private Section buildRhythm() {
        sessionDay.setId("settings-session-day");
        sessionDay.setLabel(getTranslation("settings.session.day"));
        sessionDay.setItems(DayOfWeek.values());
        sessionDay.setEmptySelectionAllowed(true);
        sessionDay.setEmptySelectionCaption(getTranslation("settings.session.day.none"));
        sessionDay.setItemLabelGenerator(this::dayName);
        sessionTime.setId("settings-session-time");
        sessionTime.setLabel(getTranslation("settings.session.time"));
        sessionTime.setStep(Duration.ofMinutes(15));
        sessionDuration.setId("settings-session-duration");
        sessionDuration.setLabel(getTranslation("settings.session.duration"));
        sessionDuration.setMin(10);
        sessionDuration.setMax(240);
        sessionDuration.setStepButtonsVisible(true);
        sessionDuration.setValue(50);
        sessionSave.setId("settings-session-save");
        sessionSave.setText(getTranslation("settings.session.save"));
        sessionSave.addClickListener(e -> saveRhythm());
        sessionStatus.setId("settings-session-status");
        sessionStatus.getElement().setAttribute("aria-live", "polite");
        sessionNext.setId("settings-session-next");

        rhythmFields.put("timeZone", timeZone);
        rhythmFields.put("timeZoneValid", timeZone);
        rhythmFields.put("weeklyDay", sessionDay);
        rhythmFields.put("weeklyComplete", sessionDay);
        rhythmFields.put("weeklyTime", sessionTime);
        rhythmFields.put("durationMinutes", sessionDuration);

        var section = new Section(
                new H2(getTranslation("settings.session.title")),
                new Paragraph(getTranslation("settings.session.intro")),
                sessionNext,
                sessionDay,
                sessionTime,
                sessionDuration,
                sessionSave,
                sessionStatus);
        section.setId("settings-session");
        return section;
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
        timeZone.setValue(knownZone(p.timeZone()));
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

    /** Fills the rhythm form from the saved rhythm and says when the next session is. */
    private void loadRhythm() {
        var stored = settings.sessionRhythm(caller);
        switch (stored.state()) {
            case UNKNOWN -> sessionNext.setText(getTranslation("settings.session.unknown"));
            case NONE -> sessionNext.setText(getTranslation("settings.session.none"));
            case SET -> {
                var r = stored.rhythm();
                sessionDay.setValue(r.weeklyDay());
                sessionTime.setValue(
                        r.weeklyDay() == null || r.weeklyTime() == null ? null : LocalTime.parse(r.weeklyTime()));
                if (r.durationMinutes() >= 10) {
                    sessionDuration.setValue(r.durationMinutes());
                }
                sessionNext.setText(
                        stored.nextSessionAt() == null
                                ? getTranslation("settings.session.next.none")
                                : getTranslation("settings.session.next", nextSession(stored.nextSessionAt())));
            }
        }
    }

    /** The next session in the person's own zone (the one chosen here, else the browser's) and locale. */
    String nextSession(Instant at) {
        var chosen = knownZone(timeZone.getValue());
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
        var zone = knownZone(zoneId);
        if (zone != null && !zone.equals(timeZone.getValue())) {
            timeZone.setValue(zone);
            timeZone.setHelperText(getTranslation("settings.time-zone.from-device"));
        }
    }

    private static String knownZone(String id) {
        if (id == null || id.isBlank()) {
            return null;
        }
        try {
            return ZoneId.of(id).getId();
        } catch (DateTimeException unknown) {
            return null;
        }
    }

    private void savePreferences() {
        if (!loaded) {
            return;
        }
        clearErrors(preferenceFields);
        var chosen = EnumSet.of(Channel.IN_APP);
        if (channels.getValue() != null) {
            chosen.addAll(channels.getValue());
        }
        List<String> mutedKinds = pauseAll.getValue() ? List.of("all") : new ArrayList<>(muted.getValue());
        var preferences = new SettingsGateway.Preferences(
                timeZone.getValue() == null ? "" : timeZone.getValue(),
                caller.isClient() && dailyReminder.getValue() ? time(dailyTime) : null,
                caller.isClient() ? weeklyDay.getValue() : null,
                quietHours.getValue() ? time(quietStart) : null,
                quietHours.getValue() ? time(quietEnd) : null,
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
        show(result, preferenceFields, status, "settings.saved");
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

    private void saveRhythm() {
        clearErrors(rhythmFields);
        var day = sessionDay.getValue();
        var rhythm = new SettingsGateway.SessionRhythm(
                timeZone.getValue() == null ? "" : timeZone.getValue(),
                day,
                time(sessionTime),
                sessionDuration.getValue() == null ? 0 : sessionDuration.getValue());
        var result = settings.saveSessionRhythm(caller, rhythm);
        show(result, rhythmFields, sessionStatus, "settings.session.saved");
        if (result.status() == Saved.Status.SAVED) {
            loadRhythm();
        }
    }

    private void show(Saved result, Map<String, HasValidationProperties> fields, Paragraph where, String savedKey) {
        switch (result.status()) {
            case SAVED -> where.setText(getTranslation(savedKey));
            case REFUSED -> where.setText(getTranslation("settings.refused"));
            case UNAVAILABLE -> where.setText(getTranslation("settings.save-failed"));
            case INVALID -> {
                boolean shown = false;
                for (var error : result.fieldErrors().entrySet()) {
                    var field = fields.get(fieldName(error.getKey()));
                    if (field != null) {
                        field.setErrorMessage(errorText(error.getKey(), error.getValue()));
                        field.setInvalid(true);
                        shown = true;
                    }
                }
                where.setText(getTranslation(shown ? "settings.invalid" : "settings.invalid.other"));
            }
        }
    }

    /** {@code mutedKinds[2]} and {@code channels[0]} belong to their list field. */
    private static String fieldName(String field) {
        int bracket = field.indexOf('[');
        return bracket < 0 ? field : field.substring(0, bracket);
    }

    private String errorText(String field, String serviceMessage) {
        String key = "settings.error." + fieldName(field);
        String text = getTranslation(key);
        // A missing key comes back marked; fall back to the service's own words then.
        return text == null || text.contains(key) ? serviceMessage : text;
    }

    private static void clearErrors(Map<String, HasValidationProperties> fields) {
        fields.values().forEach(f -> f.setInvalid(false));
    }

    private static String time(TimePicker picker) {
        var value = picker.getValue();
        return value == null ? null : String.format(Locale.ROOT, "%02d:%02d", value.getHour(), value.getMinute());
    }

    private String dayName(DayOfWeek day) {
        return day == null ? "" : day.getDisplayName(TextStyle.FULL, getLocale());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("settings.page-title");
    }
}
