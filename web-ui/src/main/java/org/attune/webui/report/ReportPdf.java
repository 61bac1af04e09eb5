package org.attune.webui.report;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.attune.events.DataClass;
import org.attune.webui.progress.Goal;
import org.attune.webui.progress.ProgressData;

/**
 * Writes a {@link SessionReport} as an A4 PDF: a section per shared class, each chart drawn from the SVG the screens
 * show ({@code charts}: chart id to SVG, as the progress components made them). A class that is not shared is left
 * out entirely; the first lines say which classes the report holds.
 */
public final class ReportPdf {

    /** The report's words, from the resource bundle in the reader's language. */
    @FunctionalInterface
    public interface Texts {
        String get(String key, Object... args);
    }

    private static final float MARGIN = 50;
    private static final float BODY = 10;
    private static final float LEADING = 1.4f;
    private static final Color INK = new Color(0x2b, 0x2f, 0x36);
    private static final Color MUTED = new Color(0x4a, 0x4f, 0x57);

    private final PDDocument document = new PDDocument();
    private final PDFont regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private final PDFont bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    private final Texts texts;
    private final DateTimeFormatter date;
    private final DateTimeFormatter dateTime;
    private PDPageContentStream out;
    private float y;

    private ReportPdf(Texts texts, ZoneId zone, Locale locale) {
        this.texts = texts;
        this.date = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale);
        this.dateTime = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(locale)
                .withZone(zone);
    }

    public static byte[] write(
            SessionReport report, Map<String, String> charts, Texts texts, ZoneId zone, Locale locale) {
        var pdf = new ReportPdf(texts, zone, locale);
        try {
            return pdf.render(report, charts);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private byte[] render(SessionReport report, Map<String, String> charts) throws IOException {
        try (document) {
            var info = new PDDocumentInformation();
            info.setTitle(texts.get("report.title"));
            info.setCreator("Attune");
            document.setDocumentInformation(info);
            newPage();
            header(report);
            if (report.has(DataClass.MOOD_CHECKINS)
                    && report.progress() != null
                    && report.progress().mood() != null) {
                mood(report.progress().mood(), charts);
            }
            if (report.has(DataClass.INSTRUMENT_SCORES)) {
                measures(report, charts);
                goals(report.goals(), charts);
            }
            if (report.has(DataClass.SESSION_FEEDBACK) && report.sessions() != null) {
                sessions(report.sessions(), charts);
            }
            if (report.has(DataClass.SAFETY_ALERTS) && report.flags() != null) {
                flags(report.flags());
            }
            gap(8);
            paragraph(texts.get("report.footer"), regular, 8, MUTED);
            out.close();
            var bytes = new ByteArrayOutputStream();
            document.save(bytes);
            return bytes.toByteArray();
        }
    }

    private void header(SessionReport report) throws IOException {
        paragraph(texts.get("report.title"), bold, 18, INK);
        paragraph(report.clientName(), bold, 12, INK);
        paragraph(texts.get("report.period", date.format(report.from()), date.format(report.to())), regular, BODY, INK);
        paragraph(texts.get("report.made", dateTime.format(report.madeAt())), regular, BODY, MUTED);
        var classes = report.shared().stream()
                .filter(c -> c != DataClass.NOTES && c != DataClass.CONTENT_ACTIVITY)
                .sorted()
                .map(c -> texts.get("dataclass." + c.name()))
                .collect(Collectors.joining(", "));
        paragraph(
                texts.get(report.forTherapist() ? "report.shared.therapist" : "report.shared.client", classes),
                regular,
                BODY,
                INK);
    }

    private void mood(ProgressData.Mood mood, Map<String, String> charts) throws IOException {
        heading(texts.get("progress.mood.title"));
        var days = mood.daily() == null ? List.<ProgressData.DayPoint>of() : mood.daily();
        if (days.isEmpty()) {
            paragraph(texts.get("progress.mood.empty"), regular, BODY, INK);
        } else {
            double moodMean = days.stream()
                    .mapToDouble(ProgressData.DayPoint::mood)
                    .average()
                    .orElse(0);
            double energyMean = days.stream()
                    .mapToDouble(ProgressData.DayPoint::energy)
                    .average()
                    .orElse(0);
            paragraph(
                    texts.get("report.mood.summary", one(moodMean), one(energyMean), days.size()), regular, BODY, INK);
            chart(charts.get("chart-mood"));
        }
        var weeks = mood.windowOfTolerance() == null ? List.<ProgressData.WeekWindows>of() : mood.windowOfTolerance();
        int within = weeks.stream().mapToInt(ProgressData.WeekWindows::within).sum();
        int hyper = weeks.stream().mapToInt(ProgressData.WeekWindows::hyper).sum();
        int hypo = weeks.stream().mapToInt(ProgressData.WeekWindows::hypo).sum();
        heading(texts.get("progress.window.title"));
        if (within + hyper + hypo == 0) {
            paragraph(texts.get("progress.window.empty"), regular, BODY, INK);
        } else {
            paragraph(texts.get("report.window.summary", within, hyper, hypo), regular, BODY, INK);
            chart(charts.get("chart-window"));
        }
    }

    private void measures(SessionReport report, Map<String, String> charts) throws IOException {
        heading(texts.get("report.measures.title"));
        var series = report.progress() == null || report.progress().instruments() == null
                ? List.<ProgressData.InstrumentSeries>of()
                : report.progress().instruments().stream()
                        .filter(s -> s.points() != null && !s.points().isEmpty())
                        .toList();
        if (series.isEmpty()) {
            paragraph(texts.get("progress.instruments.empty"), regular, BODY, INK);
            return;
        }
        for (var s : series) {
            subheading(s.code());
            for (var p : s.points()) {
                paragraph(
                        texts.get(
                                "report.measures.row",
                                dateTime.format(p.completedAt()),
                                p.total(),
                                p.maxTotal(),
                                band(p.band())),
                        regular,
                        BODY,
                        INK);
            }
            var change = report.changes().get(s.code());
            if (change != null) {
                paragraph(texts.get("report.change", changeWords(change, report.forTherapist())), bold, BODY, INK);
            }
            chart(charts.get("chart-instrument-" + slug(s.code())));
        }
    }

    private void goals(List<Goal> goals, Map<String, String> charts) throws IOException {
        heading(texts.get("goals.title"));
        if (goals == null) {
            paragraph(texts.get("goals.unavailable"), regular, BODY, INK);
            return;
        }
        var active = goals.stream().filter(Goal::active).toList();
        if (active.isEmpty()) {
            paragraph(texts.get("report.goals.none"), regular, BODY, INK);
            return;
        }
        for (int i = 0; i < active.size(); i++) {
            var goal = active.get(i);
            var ratings = goal.ratings().stream()
                    .map(r -> texts.get("report.goals.rating", date.format(r.week()), r.rating()))
                    .collect(Collectors.joining("; "));
            paragraph(texts.get("goals.legend", i + 1) + ": " + goal.text(), bold, BODY, INK);
            paragraph(ratings.isEmpty() ? texts.get("report.goals.unrated") : ratings, regular, BODY, INK);
        }
        chart(charts.get("chart-goals"));
    }

    private void sessions(List<SessionReport.Session> sessions, Map<String, String> charts) throws IOException {
        heading(texts.get("progress.sessions.title"));
        paragraph(texts.get("report.sessions.about"), regular, BODY, MUTED);
        if (sessions.isEmpty()) {
            paragraph(texts.get("progress.sessions.empty"), regular, BODY, INK);
            return;
        }
        for (var s : sessions) {
            var when = s.sessionDate() != null ? date.format(s.sessionDate()) : dateTime.format(s.recordedAt());
            paragraph(
                    texts.get("report.sessions.row", when, s.total(), s.maxTotal())
                            + (s.rupture() ? " — " + texts.get("progress.sessions.rupture") : ""),
                    regular,
                    BODY,
                    INK);
            if (s.words() != null) {
                paragraph(texts.get("report.sessions.words", s.words()), regular, BODY, MUTED);
            }
        }
        chart(charts.get("chart-sessions"));
    }

    private void flags(List<SessionReport.Flag> flags) throws IOException {
        heading(texts.get("report.flags.title"));
        if (flags.isEmpty()) {
            paragraph(texts.get("report.flags.none"), regular, BODY, INK);
            return;
        }
        for (var f : flags) {
            var reason = texts.get("therapist.flags.reason." + f.reason());
            paragraph(
                    f.acknowledgedAt() == null
                            ? texts.get("report.flags.open", reason, dateTime.format(f.raisedAt()))
                            : texts.get(
                                    "report.flags.acknowledged",
                                    reason,
                                    dateTime.format(f.raisedAt()),
                                    dateTime.format(f.acknowledgedAt())),
                    regular,
                    BODY,
                    INK);
        }
    }

    private String changeWords(String outcome, boolean forTherapist) {
        var key = "report.change." + outcome + (forTherapist ? "" : ".client");
        var words = texts.get(key);
        return words == null || words.equals(key) || words.startsWith("!{") ? outcome : words;
    }

    private String band(String code) {
        if (code == null) {
            return "—";
        }
        var key = "progress.band." + code;
        var words = texts.get(key);
        return words == null || words.equals(key) || words.startsWith("!{") ? code : words;
    }

    // --- layout ---

    private void newPage() throws IOException {
        if (out != null) {
            out.close();
        }
        var page = new PDPage(PDRectangle.A4);
        document.addPage(page);
        out = new PDPageContentStream(document, page);
        y = page.getMediaBox().getHeight() - MARGIN;
    }

    private float width() {
        return PDRectangle.A4.getWidth() - 2 * MARGIN;
    }

    private void room(float needed) throws IOException {
        if (y - needed < MARGIN) {
            newPage();
        }
    }

    private void gap(float points) {
        y -= points;
    }

    private void heading(String text) throws IOException {
        room(60);
        gap(10);
        paragraph(text, bold, 13, INK);
        gap(2);
    }

    private void subheading(String text) throws IOException {
        room(40);
        gap(4);
        paragraph(text, bold, 11, INK);
    }

    private void paragraph(String text, PDFont font, float size, Color colour) throws IOException {
        for (var line : wrap(PdfText.printable(text, font), font, size)) {
            room(size * LEADING);
            y -= size * LEADING;
            out.setNonStrokingColor(colour);
            out.beginText();
            out.setFont(font, size);
            out.newLineAtOffset(MARGIN, y);
            out.showText(line);
            out.endText();
        }
    }

    private List<String> wrap(String text, PDFont font, float size) throws IOException {
        var lines = new ArrayList<String>();
        var line = new StringBuilder();
        for (var word : text.split(" ")) {
            var candidate = line.isEmpty() ? word : line + " " + word;
            if (PdfText.width(candidate, font, size) > width() && !line.isEmpty()) {
                lines.add(line.toString());
                line = new StringBuilder(word);
            } else {
                line = new StringBuilder(candidate);
            }
        }
        if (!line.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }

    /** The screens' own SVG chart, drawn at a readable width; nothing when the screens had no chart for it. */
    private void chart(String svg) throws IOException {
        if (svg == null || svg.isBlank()) {
            return;
        }
        float w = Math.min(width(), 330);
        float h = SvgOnPdf.height(svg, w);
        room(h + 8);
        gap(4);
        SvgOnPdf.draw(svg, out, regular, MARGIN, y, w);
        gap(h + 4);
    }

    private static String one(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    static String slug(String code) {
        return code.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    }
}
