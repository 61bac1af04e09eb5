package org.attune.webui.progress;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.function.Function;

/**
 * The chart model of the goal lines: one line per goal over the weeks of a period, 0–10. The screens draw it with
 * {@link SvgCharts#line}, and the session report draws that same SVG, so both show one picture.
 */
public final class GoalChart {

    static final String[] COLOURS = {"#1a5fb4", "#a14000", "#2e7d32"};

    private GoalChart() {}

    /** The Mondays from the week of {@code from} to the week of {@code to}. */
    public static List<LocalDate> weeks(LocalDate from, LocalDate to) {
        var weeks = new ArrayList<LocalDate>();
        var first = from.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        for (var week = first; !week.isAfter(to); week = week.plusWeeks(1)) {
            weeks.add(week);
        }
        return weeks;
    }

    /**
     * @param title the chart's accessible title
     * @param goals the goals to draw, in the order they are listed beside the chart
     * @param name a goal's short name in the legend by its position from 1 ("Goal 1"); the words stand beside it
     * @param weekLabel how a week is labelled on the axis
     */
    public static SvgCharts.LineChart of(
            String title,
            List<Goal> goals,
            List<LocalDate> weeks,
            Function<Integer, String> name,
            Function<LocalDate, String> weekLabel) {
        var series = new ArrayList<SvgCharts.Series>();
        for (int i = 0; i < goals.size(); i++) {
            var goal = goals.get(i);
            var byWeek = new HashMap<LocalDate, Integer>();
            goal.ratings().forEach(r -> byWeek.put(r.week(), r.rating()));
            var values = weeks.stream()
                    .map(w -> byWeek.containsKey(w) ? (double) byWeek.get(w) : null)
                    .toList();
            series.add(new SvgCharts.Series(
                    name.apply(i + 1), COLOURS[i % COLOURS.length], values, i >= COLOURS.length, true));
        }
        return new SvgCharts.LineChart(
                title, weeks.stream().map(weekLabel).toList(), 0, 10, series, List.of(), List.of());
    }
}
