package org.attune.webui.report.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Svg;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.attune.webui.progress.ui.GoalsOverview;
import org.attune.webui.progress.ui.ProgressCharts;
import org.attune.webui.progress.ui.UserTime;
import org.attune.webui.report.SessionReport;

/**
 * The report's charts, made by the very components the progress screens show (never attached to a page): the PDF
 * draws the SVG they hold, so the report and the screens cannot tell different stories.
 */
final class ReportCharts {

    private ReportCharts() {}

    /** Chart id ({@code chart-mood}, {@code chart-instrument-phq-9}, {@code chart-goals}, …) to its SVG. */
    static Map<String, String> of(SessionReport report, UserTime time) {
        var charts = new HashMap<String, String>();
        if (report.progress() != null) {
            var progress = new ProgressCharts();
            progress.show(report.progress(), time, report.forTherapist());
            collect(progress, charts);
        }
        if (report.goals() != null) {
            var goals = new GoalsOverview();
            goals.show(report.goals(), report.from(), report.to(), time, report.forTherapist());
            collect(goals, charts);
        }
        return charts;
    }

    private static void collect(Component root, Map<String, String> charts) {
        descendants(root)
                .filter(Svg.class::isInstance)
                .forEach(svg -> svg.getId()
                        .ifPresent(id -> charts.put(id, svg.getElement().getProperty("innerHTML", ""))));
    }

    private static Stream<Component> descendants(Component root) {
        return Stream.concat(Stream.of(root), root.getChildren().flatMap(ReportCharts::descendants));
    }
}
