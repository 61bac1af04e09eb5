package org.attune.webui.alerts.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import java.time.Instant;
import java.util.function.Function;
import org.attune.webui.alerts.ClientAlertsGateway.ClientAlert;

/**
 * In plain words, whether the client's therapist has seen (acknowledged) one safety alert yet, and always the
 * reminder that Attune is not an emergency service, with the way to the crisis lines while it is not seen. Takes
 * what it shows as arguments and reads nothing itself, so any client page can place it.
 */
public class AlertSeenStatus extends Div {

    final Paragraph status = new Paragraph();

    /**
     * @param sharedWithATherapist whether the client shares safety alerts with any therapist now
     * @param dateTime how the page writes an instant (the client's zone and locale)
     */
    public AlertSeenStatus(ClientAlert alert, boolean sharedWithATherapist, Function<Instant, String> dateTime) {
        addClassName("attune-alert-seen-status");
        setId("alert-seen-" + alert.flagId());
        status.getElement().setAttribute("role", "status");
        if (alert.seen()) {
            addClassName("attune-alert-seen");
            status.setText(getTranslation("alerts.seen", dateTime.apply(alert.acknowledgedAt())));
            add(status);
        } else {
            addClassName("attune-alert-not-seen");
            status.setText(getTranslation(sharedWithATherapist ? "alerts.not-seen" : "alerts.not-shared"));
            var lines = new Anchor("help", getTranslation("alerts.crisis-lines"));
            lines.addClassName("attune-alert-crisis-lines");
            add(status, lines);
        }
        var notEmergency = new Paragraph(getTranslation("alerts.not-emergency"));
        notEmergency.addClassName("attune-alert-not-emergency");
        add(notEmergency);
    }

    /** The status line, for tests. */
    public String statusText() {
        return status.getText();
    }
}
