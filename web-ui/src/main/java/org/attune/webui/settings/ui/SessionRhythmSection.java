package org.attune.webui.settings.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.shared.HasValidationProperties;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.timepicker.TimePicker;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.attune.webui.security.Caller;
import org.attune.webui.settings.SettingsGateway;
import org.attune.webui.settings.SettingsGateway.Saved;

/**
 * A client's weekly session rhythm. The time is shown and saved in one zone, named on the form: the zone the rhythm
 * was saved in, or, before there is one, the person's own zone from the settings above. Saving changes only the weekly
 * rhythm; single sessions a therapist set stay as they are (the service merges).
 */
class SessionRhythmSection extends Section {

    final ComboBox<String> zone = new ComboBox<>();
    final Select<DayOfWeek> day = new Select<>();
    final TimePicker time = new TimePicker();
    final IntegerField duration = new IntegerField();
    final Button save = new Button();
    final Paragraph status = new Paragraph();
    final Paragraph next = new Paragraph();

    private final SettingsGateway settings;
    private final Caller caller;
    private final Function<Instant, String> nextSessionText;
    private final Map<String, HasValidationProperties> fields = new LinkedHashMap<>();
    /** Whether the zone is the rhythm's own (saved, or chosen here); otherwise it follows the person's zone. */
    private boolean zoneIsTheRhythms;

    SessionRhythmSection(SettingsGateway settings, Caller caller, Function<Instant, String> nextSessionText) {
        this.settings = settings;
        this.caller = caller;
        this.nextSessionText = nextSessionText;
        setId("settings-session");
        zone.setId("settings-session-zone");
        zone.setLabel(getTranslation("settings.session.zone"));
        zone.setHelperText(getTranslation("settings.session.zone.help"));
        zone.setItems(ZoneId.getAvailableZoneIds().stream().sorted().toList());
        zone.setAllowCustomValue(false);
        zone.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                zoneIsTheRhythms = true;
            }
        });
        day.setId("settings-session-day");
        day.setLabel(getTranslation("settings.session.day"));
        day.setItems(DayOfWeek.values());
        day.setEmptySelectionAllowed(true);
        day.setEmptySelectionCaption(getTranslation("settings.session.day.none"));
        day.setItemLabelGenerator(d -> SettingsForms.dayName(d, getLocale()));
        time.setId("settings-session-time");
        time.setLabel(getTranslation("settings.session.time"));
        time.setStep(Duration.ofMinutes(15));
        duration.setId("settings-session-duration");
        duration.setLabel(getTranslation("settings.session.duration"));
        duration.setMin(10);
        duration.setMax(240);
        duration.setStepButtonsVisible(true);
        duration.setValue(50);
        save.setId("settings-session-save");
        save.setText(getTranslation("settings.session.save"));
        save.addClickListener(e -> save());
        status.setId("settings-session-status");
        status.getElement().setAttribute("aria-live", "polite");
        next.setId("settings-session-next");

        fields.put("timeZone", zone);
        fields.put("timeZoneValid", zone);
        fields.put("weeklyDay", day);
        fields.put("weeklyComplete", day);
        fields.put("weeklyTime", time);
        fields.put("durationMinutes", duration);

        add(
                new H2(getTranslation("settings.session.title")),
                new Paragraph(getTranslation("settings.session.intro")),
                next,
                day,
                time,
                zone,
                duration,
                save,
                status);
    }

    /** The person's own zone changed above: a rhythm not saved yet follows it. */
    void personsZone(String zoneId) {
        var known = SettingsForms.knownZone(zoneId);
        if (!zoneIsTheRhythms && known != null) {
            zone.setValue(known);
        }
    }

    /** Fills the form from the saved rhythm and says when the next session is. */
    void load() {
        var stored = settings.sessionRhythm(caller);
        switch (stored.state()) {
            case UNKNOWN -> next.setText(getTranslation("settings.session.unknown"));
            case NONE -> next.setText(getTranslation("settings.session.none"));
            case SET -> {
                var r = stored.rhythm();
                var saved = SettingsForms.knownZone(r.timeZone());
                if (saved != null) {
                    zone.setValue(saved);
                    zoneIsTheRhythms = true;
                }
                day.setValue(r.weeklyDay());
                time.setValue(r.weeklyDay() == null || r.weeklyTime() == null ? null : LocalTime.parse(r.weeklyTime()));
                if (r.durationMinutes() >= 10) {
                    duration.setValue(r.durationMinutes());
                }
                next.setText(
                        stored.nextSessionAt() == null
                                ? getTranslation("settings.session.next.none")
                                : getTranslation(
                                        "settings.session.next", nextSessionText.apply(stored.nextSessionAt())));
            }
        }
    }

    private void save() {
        SettingsForms.clearErrors(fields);
        var rhythm = new SettingsGateway.SessionRhythm(
                zone.getValue() == null ? "" : zone.getValue(),
                day.getValue(),
                SettingsForms.time(time),
                duration.getValue() == null ? 0 : duration.getValue());
        var result = settings.saveSessionRhythm(caller, rhythm);
        SettingsForms.show(this, result, fields, status, "settings.session.saved");
        if (result.status() == Saved.Status.SAVED) {
            zoneIsTheRhythms = true;
            load();
        }
    }
}
