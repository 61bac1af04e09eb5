package org.attune.webui.settings.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import java.util.ArrayList;
import java.util.List;
import org.attune.webui.security.Caller;
import org.attune.webui.settings.AlertSettingsGateway;
import org.attune.webui.settings.AlertSettingsGateway.AlertSettings;
import org.attune.webui.settings.SettingsGateway.Saved;

/**
 * A therapist's safety-alert settings: how long an alert may wait for their acknowledgement before it is sent again,
 * and an on-call or practice address that escalations also go to. Self-contained: it loads and saves on its own.
 */
public class AlertSettingsSection extends Section {

    /** The windows offered, in minutes: 15 minutes to 72 hours, as the service allows. */
    static final List<Integer> WINDOWS = List.of(15, 30, 60, 120, 240, 480, 720, 1440, 2880, 4320);

    final Select<Integer> window = new Select<>();
    final EmailField escalationEmail = new EmailField();
    final Button save = new Button();
    final Paragraph status = new Paragraph();

    private final AlertSettingsGateway gateway;
    private final Caller therapist;
    private boolean loaded;

    public AlertSettingsSection(AlertSettingsGateway gateway, Caller therapist) {
        this.gateway = gateway;
        this.therapist = therapist;
        setId("settings-alerts");
        addClassName("attune-settings-alerts");

        window.setId("settings-alerts-window");
        window.setLabel(getTranslation("alerts.settings.window"));
        window.setItems(WINDOWS);
        window.setItemLabelGenerator(this::windowLabel);
        window.setHelperText(getTranslation("alerts.settings.window.help"));

        escalationEmail.setId("settings-alerts-email");
        escalationEmail.setLabel(getTranslation("alerts.settings.email"));
        escalationEmail.setHelperText(getTranslation("alerts.settings.email.help"));
        escalationEmail.setMaxLength(254);
        escalationEmail.setClearButtonVisible(true);
        escalationEmail.setWidthFull();

        save.setId("settings-alerts-save");
        save.setText(getTranslation("alerts.settings.save"));
        save.addClickListener(e -> save());
        status.setId("settings-alerts-status");
        status.getElement().setAttribute("aria-live", "polite");

        add(
                new H2(getTranslation("alerts.settings.title")),
                new Paragraph(getTranslation("alerts.settings.intro")),
                window,
                escalationEmail,
                save,
                status);
        load();
    }

    private void load() {
        var stored = gateway.alertSettings(therapist);
        loaded = stored.isPresent();
        if (stored.isEmpty()) {
            status.setText(getTranslation("alerts.settings.unavailable"));
            save.setEnabled(false);
            return;
        }
        show(stored.get());
    }

    private void show(AlertSettings settings) {
        int minutes = settings.acknowledgementWindowMinutes();
        if (!WINDOWS.contains(minutes)) {
            // Set another way (the API): offered too, so saving the address does not change it.
            var offered = new ArrayList<>(WINDOWS);
            offered.add(minutes);
            offered.sort(Integer::compare);
            window.setItems(offered);
        }
        window.setValue(minutes);
        escalationEmail.setValue(settings.escalationEmail() == null ? "" : settings.escalationEmail());
    }

    private void save() {
        if (!loaded) {
            return;
        }
        window.setInvalid(false);
        escalationEmail.setInvalid(false);
        var address = escalationEmail.getValue() == null
                ? ""
                : escalationEmail.getValue().strip();
        var settings = new AlertSettings(
                window.getValue() == null ? AlertSettingsGateway.DEFAULT_WINDOW_MINUTES : window.getValue(),
                address.isEmpty() ? null : address);
        var result = gateway.saveAlertSettings(therapist, settings);
        switch (result.status()) {
            case SAVED -> status.setText(getTranslation("alerts.settings.saved"));
            case REFUSED -> status.setText(getTranslation("settings.refused"));
            case UNAVAILABLE -> status.setText(getTranslation("settings.save-failed"));
            case INVALID -> invalid(result);
        }
    }

    private void invalid(Saved result) {
        boolean shown = false;
        if (result.fieldErrors().containsKey("acknowledgementWindowMinutes")) {
            window.setErrorMessage(getTranslation("alerts.settings.error.window"));
            window.setInvalid(true);
            shown = true;
        }
        if (result.fieldErrors().containsKey("escalationEmail")) {
            escalationEmail.setErrorMessage(getTranslation("alerts.settings.error.email"));
            escalationEmail.setInvalid(true);
            shown = true;
        }
        status.setText(getTranslation(shown ? "settings.invalid" : "settings.invalid.other"));
    }

    String windowLabel(Integer minutes) {
        if (minutes == null) {
            return "";
        }
        String label = minutes % 60 != 0
                ? getTranslation("alerts.settings.window.minutes", minutes)
                : minutes == 60
                        ? getTranslation("alerts.settings.window.hour")
                        : getTranslation("alerts.settings.window.hours", minutes / 60);
        return minutes == AlertSettingsGateway.DEFAULT_WINDOW_MINUTES
                ? getTranslation("alerts.settings.window.default", label)
                : label;
    }
}
