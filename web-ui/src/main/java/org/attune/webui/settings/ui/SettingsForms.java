package org.attune.webui.settings.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.shared.HasValidationProperties;
import com.vaadin.flow.component.timepicker.TimePicker;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.Map;
import org.attune.webui.settings.SettingsGateway.Saved;

/** What the settings forms share: how a save went, field errors in the page's words, times and zones. */
final class SettingsForms {

    private SettingsForms() {}

    /** Says how a save went in {@code where}, and marks each field the service named. */
    static void show(
            Component owner,
            Saved result,
            Map<String, HasValidationProperties> fields,
            Paragraph where,
            String savedKey) {
        switch (result.status()) {
            case SAVED -> where.setText(owner.getTranslation(savedKey));
            case REFUSED -> where.setText(owner.getTranslation("settings.refused"));
            case UNAVAILABLE -> where.setText(owner.getTranslation("settings.save-failed"));
            case INVALID -> {
                boolean shown = false;
                for (var error : result.fieldErrors().entrySet()) {
                    var field = fields.get(fieldName(error.getKey()));
                    if (field != null) {
                        field.setErrorMessage(errorText(owner, error.getKey(), error.getValue()));
                        field.setInvalid(true);
                        shown = true;
                    }
                }
                where.setText(owner.getTranslation(shown ? "settings.invalid" : "settings.invalid.other"));
            }
        }
    }

    /** {@code mutedKinds[2]} and {@code channels[0]} belong to their list field. */
    static String fieldName(String field) {
        int bracket = field.indexOf('[');
        return bracket < 0 ? field : field.substring(0, bracket);
    }

    private static String errorText(Component owner, String field, String serviceMessage) {
        String key = "settings.error." + fieldName(field);
        String text = owner.getTranslation(key);
        // A missing key comes back marked; fall back to the service's own words then.
        return text == null || text.contains(key) ? serviceMessage : text;
    }

    static void clearErrors(Map<String, HasValidationProperties> fields) {
        fields.values().forEach(f -> f.setInvalid(false));
    }

    static String time(TimePicker picker) {
        var value = picker.getValue();
        return value == null ? null : String.format(Locale.ROOT, "%02d:%02d", value.getHour(), value.getMinute());
    }

    static String dayName(DayOfWeek day, Locale locale) {
        return day == null ? "" : day.getDisplayName(TextStyle.FULL, locale);
    }

    /** The id of a zone this JVM knows, or null. */
    static String knownZone(String id) {
        if (id == null || id.isBlank()) {
            return null;
        }
        try {
            return ZoneId.of(id).getId();
        } catch (DateTimeException unknown) {
            return null;
        }
    }
}
