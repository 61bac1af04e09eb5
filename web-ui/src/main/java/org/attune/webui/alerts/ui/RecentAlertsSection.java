package org.attune.webui.alerts.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import org.attune.webui.alerts.ClientAlertsGateway;
import org.attune.webui.progress.ui.UserTime;
import org.attune.webui.security.Caller;

/**
 * The client's recent safety alerts ({@link ClientAlertsGateway#RECENT}), at most {@link #AT_MOST}, each with whether
 * their therapist has seen it ({@link AlertSeenStatus}). Hidden when there are none; a quiet note when checkin-service
 * did not answer. Self-contained, so the inbox and the help page can both place it.
 */
public class RecentAlertsSection extends Section {

    static final int AT_MOST = 5;

    final Div items = new Div();
    final Paragraph note = new Paragraph();

    public RecentAlertsSection(ClientAlertsGateway gateway, Caller client) {
        setId("recent-alerts");
        addClassName("attune-recent-alerts");
        items.setId("recent-alerts-items");
        note.setId("recent-alerts-note");
        setVisible(false);
        if (client == null || !client.isClient()) {
            return;
        }
        var found = gateway.recent(client);
        if (found.isEmpty()) {
            note.setText(getTranslation("alerts.unavailable"));
            add(note);
            setVisible(true);
            return;
        }
        var alerts = found.get().alerts();
        if (alerts.isEmpty()) {
            return;
        }
        var time = UserTime.of(this);
        alerts.stream().limit(AT_MOST).forEach(alert -> {
            var item = new Div();
            item.addClassName("attune-recent-alert");
            var reason = "HELP_NOW".equals(alert.reason()) ? "alerts.reason.help-now" : "alerts.reason.questionnaire";
            item.add(
                    new H3(getTranslation(reason, time.dateTime(alert.raisedAt()))),
                    new AlertSeenStatus(alert, found.get().sharedWithATherapist(), time::dateTime));
            items.add(item);
        });
        add(new H2(getTranslation("alerts.recent.title")), items);
        setVisible(true);
    }
}
