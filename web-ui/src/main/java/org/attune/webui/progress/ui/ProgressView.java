package org.attune.webui.progress.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.LocalDate;
import org.attune.webui.progress.GoalsGateway;
import org.attune.webui.progress.ProgressGateway;
import org.attune.webui.progress.ProgressRange;
import org.attune.webui.security.Caller;

/**
 * A client's own progress: mood and energy, window-of-tolerance weeks, continuity of check-ins (never a streak),
 * instrument totals with their bands, session connection with rupture markers, the words used most, and the
 * client's shared goals with their weekly ratings.
 */
@Route("progress")
@RolesAllowed("CLIENT")
class ProgressView extends Main implements HasDynamicTitle {

    final RadioButtonGroup<ProgressRange> range = new RadioButtonGroup<>();
    final Paragraph status = new Paragraph();
    final Div empty = new Div();
    final ProgressCharts charts = new ProgressCharts();
    final GoalsPanel goals;

    private final ProgressGateway progress;
    private final Clock clock;
    private final Caller caller;

    ProgressView(ProgressGateway progress, GoalsGateway goalsGateway, Clock clock) {
        this.progress = progress;
        this.clock = clock;
        this.caller = Caller.current().orElseThrow();
        this.goals = new GoalsPanel(goalsGateway, caller, this::period, () -> UserTime.of(this));
        addClassNames("attune-page", "attune-progress-page");
        range.setId("progress-range");
        range.setLabel(getTranslation("progress.range.label"));
        range.setItems(ProgressRange.values());
        range.setItemLabelGenerator(r -> getTranslation("progress.range." + r.name()));
        range.setValue(ProgressRange.FOUR_WEEKS);
        range.addValueChangeListener(e -> {
            if (e.getValue() != null) {
                load();
            }
        });
        status.setId("progress-status");
        status.addClassName("attune-notice");
        status.getElement().setAttribute("role", "status");
        empty.setId("progress-empty");
        empty.add(
                new Paragraph(getTranslation("progress.empty.what")),
                new Paragraph(new Anchor("today", getTranslation("progress.empty.link"))));
        add(
                new H1(getTranslation("progress.title")),
                new Paragraph(getTranslation("progress.intro")),
                range,
                status,
                empty,
                charts,
                goals);
        load();
    }

    private LocalDate[] period() {
        var today = UserTime.of(this).today(clock);
        var chosen = range.getValue() == null ? ProgressRange.FOUR_WEEKS : range.getValue();
        return new LocalDate[] {chosen.from(today), today};
    }

    void load() {
        goals.load();
        var time = UserTime.of(this);
        var today = time.today(clock);
        var chosen = range.getValue() == null ? ProgressRange.FOUR_WEEKS : range.getValue();
        var data = progress.own(caller, chosen.from(today), today);
        if (data.isEmpty()) {
            status.setText(getTranslation("progress.unavailable"));
            status.setVisible(true);
            empty.setVisible(false);
            charts.removeAll();
            return;
        }
        boolean nothing = data.get().isEmpty();
        status.setVisible(nothing);
        status.setText(nothing ? getTranslation("progress.empty.title") : "");
        empty.setVisible(nothing);
        if (nothing) {
            charts.removeAll();
        } else {
            charts.show(data.get(), time, false);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("progress.page-title");
    }
}
