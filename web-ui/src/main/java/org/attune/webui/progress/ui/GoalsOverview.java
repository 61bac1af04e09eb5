package org.attune.webui.progress.ui;

import com.vaadin.flow.component.Svg;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import java.time.LocalDate;
import java.util.List;
import org.attune.webui.progress.Goal;
import org.attune.webui.progress.GoalChart;
import org.attune.webui.progress.SvgCharts;

/**
 * The goal lines: one line per active goal over the weeks of the period, with the goals' own words numbered beside
 * the chart and their latest rating. Read-only; the client and their therapist see the same.
 */
public class GoalsOverview extends Div {

    final OrderedList words = new OrderedList();

    public GoalsOverview() {
        addClassName("attune-goals-overview");
        words.setId("goal-words");
    }

    /** The goals could not be read just now. */
    public void showUnavailable() {
        removeAll();
        add(new Paragraph(getTranslation("goals.unavailable")));
    }

    public void show(List<Goal> goals, LocalDate from, LocalDate to, UserTime time, boolean forTherapist) {
        removeAll();
        words.removeAll();
        var active = goals.stream().filter(Goal::active).toList();
        if (active.isEmpty()) {
            add(new Paragraph(getTranslation(forTherapist ? "goals.none.therapist" : "goals.none")));
            return;
        }
        var model = GoalChart.of(
                getTranslation("goals.chart"),
                active,
                GoalChart.weeks(from, to),
                n -> getTranslation("goals.legend", n),
                time::shortDate);
        var chart = new Svg(SvgCharts.line(model));
        chart.setId("chart-goals");
        chart.addClassName("attune-progress-chart");
        for (var goal : active) {
            var latest = goal.latest();
            words.add(new ListItem(
                    latest == null
                            ? getTranslation("goals.item.unrated", goal.text())
                            : getTranslation("goals.item", goal.text(), latest)));
        }
        add(chart, words);
    }
}
