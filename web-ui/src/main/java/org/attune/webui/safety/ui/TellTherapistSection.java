package org.attune.webui.safety.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import org.attune.webui.safety.AlertsSeen;
import org.attune.webui.safety.HelpPresenter;
import org.attune.webui.security.Caller;

/**
 * "Let my therapist know", explained before it is pressed: who will be told, that each press is a new alert, that
 * Attune is not an emergency service. Without a therapist holding SAFETY_ALERTS there is no button, only the way to
 * share them. Below it, whether a therapist has seen the client's recent alerts.
 */
public class TellTherapistSection extends Section {

    private final HelpPresenter presenter;
    private final Caller client;

    final Paragraph intro = new Paragraph();
    final Button tell;
    final Paragraph status = new Paragraph();
    final Paragraph seen = new Paragraph();
    private final Anchor sharing;
    private final Paragraph notEmergency;

    public TellTherapistSection(HelpPresenter presenter, Caller client) {
        this.presenter = presenter;
        this.client = client;
        setId("help-tell");
        intro.setId("help-tell-intro");
        addClassName("attune-help-section");
        setVisible(false);
        tell = new Button(getTranslation("help.tell.button"), e -> tell());
        tell.setId("help-tell-therapist");
        tell.addThemeVariants(ButtonVariant.PRIMARY);
        tell.setDisableOnClick(true);
        status.setId("help-alert-status");
        status.addClassName("attune-checkin-alert-status");
        status.getElement().setAttribute("role", "status");
        status.getElement().setAttribute("aria-live", "polite");
        seen.setId("help-alert-seen");
        sharing = new Anchor("sharing", getTranslation("help.tell.sharing"));
        sharing.setId("help-tell-sharing");
        status.setVisible(false);
        notEmergency = new Paragraph(getTranslation("help.tell.not-emergency"));
        notEmergency.addClassName("attune-notice");
        add(new H2(getTranslation("help.tell.title")), intro, notEmergency, tell, status, sharing, seen);
    }

    /** {@code recipients}: therapists holding SAFETY_ALERTS, or -1 when that could not be read. */
    public void show(long recipients, AlertsSeen alerts) {
        intro.setText(getTranslation(
                recipients > 0
                        ? "help.tell.intro.shared"
                        : recipients == 0 ? "help.tell.intro.not-shared" : "help.tell.intro.unknown"));
        tell.setVisible(recipients != 0);
        notEmergency.setVisible(recipients != 0);
        sharing.setVisible(recipients == 0);
        showSeen(alerts);
        setVisible(true);
    }

    void tell() {
        boolean sent = presenter.tellTherapist(client);
        status.setText(getTranslation(sent ? "help.tell.sent" : "help.tell.not-sent"));
        status.setVisible(true);
        tell.setEnabled(true);
        showSeen(presenter.seen(client));
    }

    private void showSeen(AlertsSeen alerts) {
        seen.setVisible(alerts.total() > 0);
        if (alerts.total() == 0) {
            return;
        }
        if (alerts.seen() == 0) {
            seen.setText(
                    alerts.total() == 1
                            ? getTranslation("help.seen.one-unseen")
                            : getTranslation("help.seen.none", alerts.total()));
        } else if (alerts.seen() < alerts.total()) {
            seen.setText(getTranslation("help.seen.some", alerts.seen(), alerts.total()));
        } else {
            seen.setText(
                    alerts.total() == 1
                            ? getTranslation("help.seen.one-seen")
                            : getTranslation("help.seen.all", alerts.total()));
        }
    }
}
