package org.attune.webui.report.ui;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import java.time.Clock;
import java.time.LocalDate;
import org.attune.webui.progress.ProgressRange;
import org.attune.webui.progress.ui.UserTime;
import org.attune.webui.report.SessionReports;
import org.attune.webui.security.Caller;

/** "Bring to session": the client's own session report as a PDF, for a period they choose. */
public class ClientReportSection extends Section {

    final RadioButtonGroup<ProgressRange> range = new RadioButtonGroup<>();
    final SessionReportLink link;

    public ClientReportSection(SessionReports reports, Caller client, Clock clock) {
        setId("bring-report");
        addClassName("attune-bring-report");
        range.setId("bring-report-range");
        range.setLabel(getTranslation("report.client.period"));
        range.setItems(ProgressRange.values());
        range.setItemLabelGenerator(r -> getTranslation("progress.range." + r.name()));
        range.setValue(ProgressRange.FOUR_WEEKS);
        var time = UserTime.of(this);
        link = new SessionReportLink(
                "bring-report-download",
                time,
                () -> {
                    var today = time.today(clock);
                    var chosen = range.getValue() == null ? ProgressRange.FOUR_WEEKS : range.getValue();
                    return new LocalDate[] {chosen.from(today), today};
                },
                period -> reports.own(client, period[0], period[1]));
        add(
                new H2(getTranslation("report.client.title")),
                new Paragraph(getTranslation("report.client.intro")),
                range,
                new Paragraph(link));
    }
}
