package org.attune.webui.progress.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Svg;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.NativeDetails;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.UnorderedList;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.attune.events.CheckInVocabulary;
import org.attune.webui.progress.InstrumentBands;
import org.attune.webui.progress.ProgressData;
import org.attune.webui.progress.SvgCharts;

/**
 * The progress charts a client sees, and their therapist sees for the parts that are shared: each chart is a
 * server-side SVG with a table of the same figures underneath for screen readers and anyone who prefers numbers.
 * A part that is not included (not shared) is simply not shown.
 */
public class ProgressCharts extends Div {

    static final String MOOD = "#1a5fb4";
    static final String ENERGY = "#a14000";
    static final String WITHIN = "#2e7d32";
    static final String HYPER = "#c64600";
    static final String HYPO = "#5e35b1";
    static final String[] BAND_COLOURS = {"#2e7d32", "#9e9d24", "#f9a825", "#ef6c00", "#c62828"};

    private boolean forTherapist;

    public ProgressCharts() {
        addClassName("attune-progress-charts");
    }

    /** Shows these figures; {@code forTherapist} words the texts about "the client" instead of "you". */
    public void show(ProgressData data, UserTime time, boolean forTherapist) {
        removeAll();
        this.forTherapist = forTherapist;
        if (data == null) {
            return;
        }
        if (data.mood() != null) {
            moodSection(data, time);
            windowSection(data.mood(), time);
            continuitySection(data.mood(), time);
            wordsSection(data.mood());
        }
        if (data.instruments() != null) {
            instrumentsSection(data.instruments(), time);
        }
        if (data.sessionConnection() != null) {
            sessionsSection(data.sessionConnection(), time);
        }
    }

    private void moodSection(ProgressData data, UserTime time) {
        var section = section("progress.mood.title", "progress.mood.intro");
        var daily = data.mood().daily() == null
                ? List.<ProgressData.DayPoint>of()
                : data.mood().daily();
        if (daily.isEmpty()) {
            section.add(new Paragraph(getTranslation("progress.mood.empty")));
            add(section);
            return;
        }
        var byDay = new HashMap<LocalDate, ProgressData.DayPoint>();
        daily.forEach(d -> byDay.put(d.date(), d));
        var labels = new ArrayList<String>();
        var mood = new ArrayList<Double>();
        var energy = new ArrayList<Double>();
        LocalDate from = data.from() != null ? data.from() : daily.getFirst().date();
        LocalDate to = data.to() != null ? data.to() : daily.getLast().date();
        for (var day = from; !day.isAfter(to); day = day.plusDays(1)) {
            labels.add(time.shortDate(day));
            var point = byDay.get(day);
            mood.add(point == null ? null : point.mood());
            energy.add(point == null ? null : point.energy());
        }
        var svg = SvgCharts.line(new SvgCharts.LineChart(
                getTranslation("progress.mood.chart"),
                labels,
                0,
                10,
                List.of(
                        new SvgCharts.Series(getTranslation("progress.mood.series.mood"), MOOD, mood, false, true),
                        new SvgCharts.Series(
                                getTranslation("progress.mood.series.energy"), ENERGY, energy, true, true)),
                List.of(),
                List.of()));
        section.add(chart("chart-mood", svg));
        var table = table(
                "progress.mood.table",
                "progress.table.day",
                "progress.mood.series.mood",
                "progress.mood.series.energy",
                "progress.table.checkins");
        for (var d : daily) {
            row(table, time.date(d.date()), number(d.mood()), number(d.energy()), Integer.toString(d.checkIns()));
        }
        section.add(details(table));
        add(section);
    }

    private void windowSection(ProgressData.Mood mood, UserTime time) {
        var weeks = mood.windowOfTolerance() == null ? List.<ProgressData.WeekWindows>of() : mood.windowOfTolerance();
        var section = section("progress.window.title", "progress.window.intro");
        if (weeks.stream().allMatch(w -> w.hyper() + w.within() + w.hypo() == 0)) {
            section.add(new Paragraph(getTranslation("progress.window.empty")));
            add(section);
            return;
        }
        int max = weeks.stream()
                .mapToInt(w -> w.hyper() + w.within() + w.hypo())
                .max()
                .orElse(1);
        var svg = SvgCharts.stackedBars(new SvgCharts.BarChart(
                getTranslation("progress.window.chart"),
                weeks.stream().map(w -> time.shortDate(w.weekStart())).toList(),
                max,
                List.of(
                        new SvgCharts.Stack(
                                getTranslation("progress.window.within"),
                                WITHIN,
                                weeks.stream()
                                        .map(ProgressData.WeekWindows::within)
                                        .toList()),
                        new SvgCharts.Stack(
                                getTranslation("progress.window.hyper"),
                                HYPER,
                                weeks.stream()
                                        .map(ProgressData.WeekWindows::hyper)
                                        .toList()),
                        new SvgCharts.Stack(
                                getTranslation("progress.window.hypo"),
                                HYPO,
                                weeks.stream()
                                        .map(ProgressData.WeekWindows::hypo)
                                        .toList()))));
        section.add(chart("chart-window", svg));
        var table = table(
                "progress.window.table",
                "progress.table.week",
                "progress.window.within",
                "progress.window.hyper",
                "progress.window.hypo");
        for (var w : weeks) {
            row(
                    table,
                    time.date(w.weekStart()),
                    Integer.toString(w.within()),
                    Integer.toString(w.hyper()),
                    Integer.toString(w.hypo()));
        }
        section.add(details(table));
        add(section);
    }

    private void continuitySection(ProgressData.Mood mood, UserTime time) {
        var weeks = mood.checkInDays() == null ? List.<ProgressData.WeekDays>of() : mood.checkInDays();
        if (weeks.isEmpty()) {
            return;
        }
        var section = section("progress.continuity.title", "progress.continuity.intro");
        var svg = SvgCharts.stackedBars(new SvgCharts.BarChart(
                getTranslation("progress.continuity.chart"),
                weeks.stream().map(w -> time.shortDate(w.weekStart())).toList(),
                7,
                List.of(new SvgCharts.Stack(
                        getTranslation("progress.continuity.days"),
                        MOOD,
                        weeks.stream().map(ProgressData.WeekDays::days).toList()))));
        section.add(chart("chart-continuity", svg));
        var table = table("progress.continuity.table", "progress.table.week", "progress.continuity.days");
        for (var w : weeks) {
            row(table, time.date(w.weekStart()), Integer.toString(w.days()));
        }
        section.add(details(table));
        add(section);
    }

    private void wordsSection(ProgressData.Mood mood) {
        var emotions = mood.topEmotions() == null ? List.<ProgressData.Count>of() : mood.topEmotions();
        var tags = mood.topTags() == null ? List.<ProgressData.Count>of() : mood.topTags();
        if (emotions.isEmpty() && tags.isEmpty()) {
            return;
        }
        var section = section("progress.words.title", "progress.words.intro");
        if (!emotions.isEmpty()) {
            section.add(
                    new H3(getTranslation("progress.words.emotions")),
                    words("top-emotions", emotions, c -> getTranslation("progress.words.count", c.word(), c.count())));
        }
        if (!tags.isEmpty()) {
            section.add(
                    new H3(getTranslation("progress.words.tags")),
                    words(
                            "top-tags",
                            tags,
                            c -> getTranslation("progress.words.tag-count", tagWords(c.word()), c.count())));
        }
        add(section);
    }

    private void instrumentsSection(List<ProgressData.InstrumentSeries> instruments, UserTime time) {
        var section = section("progress.instruments.title", "progress.instruments.intro");
        var withPoints = instruments.stream()
                .filter(s -> s.points() != null && !s.points().isEmpty())
                .toList();
        if (withPoints.isEmpty()) {
            section.add(new Paragraph(getTranslation("progress.instruments.empty")));
            add(section);
            return;
        }
        for (var series : withPoints) {
            var code = series.code() == null ? "?" : series.code();
            var points = series.points();
            int max = points.stream()
                    .mapToInt(ProgressData.InstrumentPoint::maxTotal)
                    .max()
                    .orElse(1);
            var bands = new ArrayList<SvgCharts.Band>();
            var known = InstrumentBands.of(code);
            for (int i = 0; i < known.size(); i++) {
                var b = known.get(i);
                int colour = known.size() <= 1 ? 0 : Math.round(i * (BAND_COLOURS.length - 1f) / (known.size() - 1));
                bands.add(new SvgCharts.Band(b.min() - 0.5, b.max() + 0.5, band(b.code()), BAND_COLOURS[colour]));
            }
            var svg = SvgCharts.line(new SvgCharts.LineChart(
                    getTranslation("progress.instruments.chart", code),
                    points.stream().map(p -> time.date(p.completedAt())).toList(),
                    0,
                    Math.max(1, max),
                    List.of(new SvgCharts.Series(
                            code,
                            MOOD,
                            points.stream().map(p -> (double) p.total()).toList(),
                            false)),
                    bands,
                    List.of()));
            section.add(new H3(code));
            section.add(chart("chart-instrument-" + slug(code), svg));
            section.add(new ChangeNote(slug(code), series, forTherapist));
            var table = table(
                    "progress.instruments.table", "progress.table.date", "progress.table.total", "progress.table.band");
            table.setCaptionText(getTranslation("progress.instruments.table", code));
            for (var p : points) {
                row(table, time.date(p.completedAt()), p.total() + " / " + p.maxTotal(), band(p.band()));
            }
            section.add(details(table));
        }
        add(section);
    }

    private void sessionsSection(List<ProgressData.SessionPoint> sessions, UserTime time) {
        var section = section(
                "progress.sessions.title",
                forTherapist ? "progress.sessions.intro.therapist" : "progress.sessions.intro");
        if (sessions.isEmpty()) {
            section.add(new Paragraph(getTranslation("progress.sessions.empty")));
            add(section);
            return;
        }
        var labels = sessions.stream()
                .map(s -> s.sessionDate() != null ? time.date(s.sessionDate()) : time.date(s.recordedAt()))
                .toList();
        var markers = new ArrayList<SvgCharts.Marker>();
        for (int i = 0; i < sessions.size(); i++) {
            if (sessions.get(i).ruptureSignal()) {
                markers.add(
                        new SvgCharts.Marker(i, getTranslation("progress.sessions.rupture") + " — " + labels.get(i)));
            }
        }
        var svg = SvgCharts.line(new SvgCharts.LineChart(
                getTranslation("progress.sessions.chart"),
                labels,
                0,
                100,
                List.of(new SvgCharts.Series(
                        getTranslation("progress.sessions.series"),
                        MOOD,
                        sessions.stream()
                                .map(s -> s.maxTotal() <= 0 ? null : 100.0 * s.total() / s.maxTotal())
                                .toList(),
                        false)),
                List.of(new SvgCharts.Band(0, 70, getTranslation("progress.sessions.band"), HYPER)),
                markers));
        section.add(chart("chart-sessions", svg));
        var table = table(
                "progress.sessions.table",
                "progress.table.session",
                "progress.table.total",
                "progress.sessions.rupture");
        for (int i = 0; i < sessions.size(); i++) {
            var s = sessions.get(i);
            row(
                    table,
                    labels.get(i),
                    s.total() + " / " + s.maxTotal(),
                    s.ruptureSignal()
                            ? getTranslation("progress.sessions.rupture.yes") + reason(s.ruptureReason())
                            : getTranslation("progress.sessions.rupture.no"));
        }
        section.add(details(table));
        add(section);
    }

    private String reason(String reason) {
        return reason == null ? "" : " (" + getTranslation("progress.rupture-reason." + reason) + ")";
    }

    private String band(String code) {
        if (code == null) {
            return "—";
        }
        var key = "progress.band." + code;
        var text = getTranslation(key);
        return text == null || text.startsWith("!{") || text.equals(key) ? code : text;
    }

    private Section section(String titleKey, String introKey) {
        var section = new Section(new H2(getTranslation(titleKey)), new Paragraph(getTranslation(introKey)));
        section.addClassName("attune-progress-section");
        return section;
    }

    private static Component chart(String id, String svg) {
        var chart = new Svg(svg);
        chart.setId(id);
        chart.addClassName("attune-progress-chart");
        return chart;
    }

    private NativeDetails details(NativeTable table) {
        var details = new NativeDetails(getTranslation("progress.table.show"), table);
        details.addClassName("attune-progress-figures");
        return details;
    }

    private NativeTable table(String captionKey, String... headerKeys) {
        var table = new NativeTable();
        table.addClassName("attune-progress-table");
        table.setCaptionText(getTranslation(captionKey));
        var head = table.getHead().addRow();
        for (var key : headerKeys) {
            head.addHeaderCell().setText(getTranslation(key));
        }
        return table;
    }

    private static void row(NativeTable table, String... cells) {
        var row = table.getBody().addRow();
        for (var cell : cells) {
            row.addDataCell().setText(cell);
        }
    }

    private UnorderedList words(String id, List<ProgressData.Count> counts, Function<ProgressData.Count, String> text) {
        var list = new UnorderedList();
        list.setId(id);
        list.addClassName("attune-progress-words");
        for (var c : counts) {
            list.add(new ListItem(text.apply(c)));
        }
        return list;
    }

    /** A pattern tag in the words the check-in offered it with ("I spoke up for a need"), never its id. */
    private String tagWords(String tag) {
        return tag != null && CheckInVocabulary.PATTERN_TAGS.contains(tag) ? getTranslation("checkin.tag." + tag) : tag;
    }

    private static String number(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    static String slug(String code) {
        return code.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    }
}
