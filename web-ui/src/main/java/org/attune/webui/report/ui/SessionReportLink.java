package org.attune.webui.report.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.attune.webui.progress.ui.UserTime;
import org.attune.webui.report.ReportPdf;
import org.attune.webui.report.SessionReport;

/**
 * "Download the session report (PDF)": the report is gathered through the services when the link is followed (so a
 * grant ended meanwhile gives nothing), as the person who follows it, for the period the page shows.
 */
public class SessionReportLink extends Anchor {

    static final String FILE = "attune-session-report.pdf";

    /**
     * @param period the first and last day of the report
     * @param gather reads the report for that period; empty when nothing could be read or nothing is shared
     */
    public SessionReportLink(
            String id,
            UserTime time,
            Supplier<LocalDate[]> period,
            Function<LocalDate[], Optional<SessionReport>> gather) {
        setId(id);
        addClassName("attune-report-link");
        // It stands beside a line of text: underlined, so it is told apart by more than its colour (WCAG 1.4.1).
        getStyle().set("text-decoration", "underline");
        setText(getTranslation("report.download"));
        setHref(
                DownloadHandler.fromInputStream(event -> {
                    var report = gather.apply(period.get());
                    if (report.isEmpty()) {
                        return DownloadResponse.error(503, getTranslation("report.unavailable"));
                    }
                    var bytes = pdf(report.get(), time);
                    return new DownloadResponse(new ByteArrayInputStream(bytes), FILE, "application/pdf", bytes.length);
                }),
                AttachmentType.DOWNLOAD);
    }

    /** The PDF of {@code report} with the screens' charts and the reader's words. */
    public byte[] pdf(SessionReport report, UserTime time) {
        return ReportPdf.write(report, ReportCharts.of(report, time), this::getTranslation, time.zone(), time.locale());
    }
}
