package org.attune.webui.therapist.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import java.time.LocalDate;
import java.util.UUID;
import java.util.function.Supplier;
import org.attune.webui.progress.ui.UserTime;
import org.attune.webui.report.SessionReports;
import org.attune.webui.report.ui.SessionReportLink;
import org.attune.webui.security.Caller;

/**
 * The session report of the period shown, read afresh (and under the grant) each time it is downloaded; the link is
 * made once per client, so a refresh of the page does not register a new download each time.
 */
class ReportLinkSection extends Div {

    private final SessionReports reports;
    // Its own line: beside the link the two ran together ("…(PDF)A PDF of…").
    private final Paragraph about = new Paragraph();
    private SessionReportLink link;
    private UUID linkClient;

    ReportLinkSection(SessionReports reports) {
        this.reports = reports;
        addClassName("attune-report");
        about.addClassName("attune-therapist-muted");
    }

    void showFor(Caller therapist, UUID clientId, UserTime time, Supplier<LocalDate[]> period) {
        if (link != null && clientId.equals(linkClient)) {
            return;
        }
        link = new SessionReportLink(
                "dashboard-report",
                time,
                period,
                chosen -> reports.ofClient(therapist, clientId, chosen[0], chosen[1]));
        linkClient = clientId;
        about.setText(getTranslation("report.therapist.about"));
        removeAll();
        add(link, about);
    }
}
