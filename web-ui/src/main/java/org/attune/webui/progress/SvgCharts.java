package org.attune.webui.progress;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A small server-side chart renderer: plain SVG strings, no JavaScript and no frontend bundle. The SVGs scale to
 * their container (viewBox, width 100%), carry a {@code <title>} for assistive technology and are meant to be shown
 * next to a summary table with the same figures. Pure logic, so it is tested without a browser.
 */
public final class SvgCharts {

    public static final int WIDTH = 320;
    public static final int HEIGHT = 160;
    static final int LEFT = 28;
    static final int RIGHT = 8;
    static final int TOP = 8;
    static final int BOTTOM = 22;

    private SvgCharts() {}

    /**
     * One line of a line chart; {@code y} may hold nulls. With {@code joinGaps} false a null leaves a gap; with it
     * true the line runs on to the next value and every value gets a dot, so days without data stay visible as
     * stretches without dots rather than as a broken line.
     */
    public record Series(String name, String colour, List<Double> y, boolean dashed, boolean joinGaps) {
        public Series {
            y = y == null ? List.of() : java.util.Collections.unmodifiableList(new ArrayList<>(y));
        }

        public Series(String name, String colour, List<Double> y, boolean dashed) {
            this(name, colour, y, dashed, false);
        }
    }

    /** A horizontal band (e.g. an instrument's severity range), shaded behind the lines. */
    public record Band(double from, double to, String label, String colour) {}

    /** A marker at a point on the x axis (an index into the series), e.g. a rupture signal. */
    public record Marker(int index, String label) {}

    /**
     * A line chart. All series share the x axis: position {@code i} of every series belongs to {@code xLabels[i]};
     * only the first and last label are drawn, the table carries the rest.
     */
    public record LineChart(
            String title,
            List<String> xLabels,
            double yMin,
            double yMax,
            List<Series> series,
            List<Band> bands,
            List<Marker> markers) {
        public LineChart {
            xLabels = xLabels == null ? List.of() : List.copyOf(xLabels);
            series = series == null ? List.of() : List.copyOf(series);
            bands = bands == null ? List.of() : List.copyOf(bands);
            markers = markers == null ? List.of() : List.copyOf(markers);
            if (!(yMax > yMin)) {
                throw new IllegalArgumentException("yMax must be above yMin");
            }
        }
    }

    /** One layer of a stacked bar chart. */
    public record Stack(String name, String colour, List<Integer> values) {
        public Stack {
            values = values == null ? List.of() : List.copyOf(values);
        }
    }

    public record BarChart(String title, List<String> xLabels, int yMax, List<Stack> stacks) {
        public BarChart {
            xLabels = xLabels == null ? List.of() : List.copyOf(xLabels);
            stacks = stacks == null ? List.of() : List.copyOf(stacks);
        }
    }

    public static String line(LineChart chart) {
        var svg = open(chart.title(), WIDTH, HEIGHT);
        double plotW = WIDTH - LEFT - RIGHT;
        double plotH = HEIGHT - TOP - BOTTOM;
        int n = chart.xLabels().size();
        for (var band : chart.bands()) {
            double top = y(Math.min(band.to(), chart.yMax()), chart.yMin(), chart.yMax(), plotH);
            double bottom = y(Math.max(band.from(), chart.yMin()), chart.yMin(), chart.yMax(), plotH);
            svg.append("<rect class=\"band\" x=\"")
                    .append(fmt(LEFT))
                    .append("\" y=\"")
                    .append(fmt(top))
                    .append("\" width=\"")
                    .append(fmt(plotW))
                    .append("\" height=\"")
                    .append(fmt(Math.max(0, bottom - top)))
                    .append("\" fill=\"")
                    .append(escape(band.colour()))
                    .append("\" fill-opacity=\"0.18\"><title>")
                    .append(escape(band.label()))
                    .append("</title></rect>");
        }
        axes(svg, chart.yMin(), chart.yMax(), plotW, plotH, chart.xLabels());
        for (var series : chart.series()) {
            var segments = segments(series.y(), n, chart.yMin(), chart.yMax(), plotW, plotH);
            if (series.joinGaps() && !segments.isEmpty()) {
                var joined = new ArrayList<double[]>();
                segments.forEach(joined::addAll);
                for (var p : joined) {
                    svg.append("<circle class=\"point\" cx=\"")
                            .append(fmt(p[0]))
                            .append("\" cy=\"")
                            .append(fmt(p[1]))
                            .append("\" r=\"2\" fill=\"")
                            .append(escape(series.colour()))
                            .append("\"/>");
                }
                segments = joined.size() > 1 ? List.of(joined) : List.of();
            }
            for (var segment : segments) {
                if (segment.size() == 1) {
                    var p = segment.getFirst();
                    svg.append("<circle class=\"point\" cx=\"")
                            .append(fmt(p[0]))
                            .append("\" cy=\"")
                            .append(fmt(p[1]))
                            .append("\" r=\"2.5\" fill=\"")
                            .append(escape(series.colour()))
                            .append("\"/>");
                    continue;
                }
                svg.append("<path class=\"line\" fill=\"none\" stroke-width=\"2\" stroke=\"")
                        .append(escape(series.colour()))
                        .append('"');
                if (series.dashed()) {
                    svg.append(" stroke-dasharray=\"5 3\"");
                }
                svg.append(" d=\"");
                for (int i = 0; i < segment.size(); i++) {
                    svg.append(i == 0 ? 'M' : 'L')
                            .append(fmt(segment.get(i)[0]))
                            .append(' ')
                            .append(fmt(segment.get(i)[1]));
                }
                svg.append("\"/>");
            }
        }
        for (var marker : chart.markers()) {
            if (marker.index() < 0 || marker.index() >= n) {
                continue;
            }
            double x = x(marker.index(), n, plotW);
            svg.append("<g class=\"marker\"><title>")
                    .append(escape(marker.label()))
                    .append("</title><line x1=\"")
                    .append(fmt(x))
                    .append("\" x2=\"")
                    .append(fmt(x))
                    .append("\" y1=\"")
                    .append(fmt(TOP))
                    .append("\" y2=\"")
                    .append(fmt(TOP + plotH))
                    .append("\" stroke=\"#b3261e\" stroke-dasharray=\"2 2\"/><path d=\"M")
                    .append(fmt(x))
                    .append(' ')
                    .append(fmt(TOP))
                    .append("l-4 -6h8z\" fill=\"#b3261e\"/></g>");
        }
        return svg.append(legend(chart.series().stream()
                        .map(s -> new String[] {s.name(), s.colour()})
                        .toList()))
                .append("</svg>")
                .toString();
    }

    public static String stackedBars(BarChart chart) {
        var svg = open(chart.title(), WIDTH, HEIGHT);
        double plotW = WIDTH - LEFT - RIGHT;
        double plotH = HEIGHT - TOP - BOTTOM;
        int n = chart.xLabels().size();
        int yMax = Math.max(1, chart.yMax());
        axes(svg, 0, yMax, plotW, plotH, chart.xLabels());
        if (n > 0) {
            double slot = plotW / n;
            double barW = Math.max(1, slot * 0.7);
            for (int i = 0; i < n; i++) {
                double base = TOP + plotH;
                for (var stack : chart.stacks()) {
                    int value = i < stack.values().size() ? stack.values().get(i) : 0;
                    if (value <= 0) {
                        continue;
                    }
                    double h = Math.min(value, yMax) / (double) yMax * plotH;
                    base -= h;
                    svg.append("<rect class=\"bar\" x=\"")
                            .append(fmt(LEFT + i * slot + (slot - barW) / 2))
                            .append("\" y=\"")
                            .append(fmt(base))
                            .append("\" width=\"")
                            .append(fmt(barW))
                            .append("\" height=\"")
                            .append(fmt(h))
                            .append("\" fill=\"")
                            .append(escape(stack.colour()))
                            .append("\"><title>")
                            .append(escape(chart.xLabels().get(i) + ": " + stack.name() + " " + value))
                            .append("</title></rect>");
                }
            }
        }
        return svg.append(legend(chart.stacks().stream()
                        .map(s -> new String[] {s.name(), s.colour()})
                        .toList()))
                .append("</svg>")
                .toString();
    }

    /** A small line without axes for a table row; nulls leave gaps. */
    public static String sparkline(String title, List<Double> values, double yMin, double yMax) {
        int w = 100;
        int h = 24;
        var svg = new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ")
                .append(w)
                .append(' ')
                .append(h)
                .append("\" width=\"100\" height=\"24\" role=\"img\" class=\"attune-sparkline\"><title>")
                .append(escape(title))
                .append("</title>");
        var list = values == null ? List.<Double>of() : values;
        int n = list.size();
        if (n == 0 || !(yMax > yMin)) {
            return svg.append("</svg>").toString();
        }
        for (var segment : segments(list, n, yMin, yMax, w - 4, h - 4)) {
            if (segment.size() == 1) {
                var p = segment.getFirst();
                svg.append("<circle cx=\"")
                        .append(fmt(p[0] - LEFT + 2))
                        .append("\" cy=\"")
                        .append(fmt(p[1] - TOP + 2))
                        .append("\" r=\"1.5\" fill=\"#1a5fb4\"/>");
                continue;
            }
            svg.append("<path fill=\"none\" stroke=\"#1a5fb4\" stroke-width=\"1.5\" d=\"");
            for (int i = 0; i < segment.size(); i++) {
                svg.append(i == 0 ? 'M' : 'L')
                        .append(fmt(segment.get(i)[0] - LEFT + 2))
                        .append(' ')
                        .append(fmt(segment.get(i)[1] - TOP + 2));
            }
            svg.append("\"/>");
        }
        return svg.append("</svg>").toString();
    }

    /** Runs of consecutive non-null values as plot coordinates (offset by the plot's left and top margin). */
    static List<List<double[]>> segments(List<Double> values, int n, double yMin, double yMax, double w, double h) {
        var result = new ArrayList<List<double[]>>();
        List<double[]> current = null;
        for (int i = 0; i < values.size(); i++) {
            var v = values.get(i);
            if (v == null || v.isNaN()) {
                current = null;
                continue;
            }
            if (current == null) {
                current = new ArrayList<>();
                result.add(current);
            }
            double clamped = Math.max(yMin, Math.min(yMax, v));
            current.add(new double[] {x(i, n, w), y(clamped, yMin, yMax, h)});
        }
        return result;
    }

    static double x(int index, int n, double plotW) {
        if (n <= 1) {
            return LEFT + plotW / 2;
        }
        return LEFT + index * plotW / (n - 1);
    }

    static double y(double value, double yMin, double yMax, double plotH) {
        return TOP + plotH - (value - yMin) / (yMax - yMin) * plotH;
    }

    private static StringBuilder open(String title, int w, int h) {
        return new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ")
                .append(w)
                .append(' ')
                .append(h + 16)
                .append("\" width=\"100%\" preserveAspectRatio=\"xMidYMid meet\" role=\"img\" class=\"attune-chart\">")
                .append("<title>")
                .append(escape(title))
                .append("</title>");
    }

    private static void axes(StringBuilder svg, double yMin, double yMax, double plotW, double plotH, List<String> xs) {
        svg.append("<g class=\"axes\" stroke=\"#8a8f98\" stroke-width=\"1\">")
                .append("<line x1=\"")
                .append(LEFT)
                .append("\" y1=\"")
                .append(fmt(TOP + plotH))
                .append("\" x2=\"")
                .append(fmt(LEFT + plotW))
                .append("\" y2=\"")
                .append(fmt(TOP + plotH))
                .append("\"/><line x1=\"")
                .append(LEFT)
                .append("\" y1=\"")
                .append(TOP)
                .append("\" x2=\"")
                .append(LEFT)
                .append("\" y2=\"")
                .append(fmt(TOP + plotH))
                .append("\"/></g>");
        svg.append("<g class=\"labels\" font-size=\"10\" fill=\"#4a4f57\" font-family=\"sans-serif\">");
        svg.append(text(LEFT - 4, TOP + 8, "end", number(yMax)));
        svg.append(text(LEFT - 4, TOP + plotH, "end", number(yMin)));
        if (!xs.isEmpty()) {
            svg.append(text(LEFT, TOP + plotH + 14, "start", xs.getFirst()));
            if (xs.size() > 1) {
                svg.append(text(LEFT + plotW, TOP + plotH + 14, "end", xs.getLast()));
            }
        }
        svg.append("</g>");
    }

    private static String legend(List<String[]> entries) {
        var out =
                new StringBuilder("<g class=\"legend\" font-size=\"10\" font-family=\"sans-serif\" fill=\"#2b2f36\">");
        double x = LEFT;
        double y = HEIGHT + 10;
        for (var e : entries) {
            out.append("<rect x=\"")
                    .append(fmt(x))
                    .append("\" y=\"")
                    .append(fmt(y - 8))
                    .append("\" width=\"10\" height=\"10\" fill=\"")
                    .append(escape(e[1]))
                    .append("\"/>")
                    .append(text(x + 14, y, "start", e[0]));
            x += 24 + Math.min(e[0].length(), 18) * 5.5;
        }
        return out.append("</g>").toString();
    }

    private static String text(double x, double y, String anchor, String content) {
        return "<text x=\"" + fmt(x) + "\" y=\"" + fmt(y) + "\" text-anchor=\"" + anchor + "\">" + escape(content)
                + "</text>";
    }

    private static String number(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }

    static String fmt(double v) {
        var s = String.format(Locale.ROOT, "%.1f", v);
        return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
    }

    /** Escapes text for XML content and attribute values. */
    public static String escape(String s) {
        if (s == null) {
            return "";
        }
        var out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    if (c >= 0x20 || c == '\n' || c == '\t') {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
