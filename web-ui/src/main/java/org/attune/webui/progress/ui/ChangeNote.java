package org.attune.webui.progress.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import org.attune.webui.progress.InstrumentBands;
import org.attune.webui.progress.ProgressData;

/**
 * Under a questionnaire's chart: how its total moved from the first answer ever to the latest, as checkin-service
 * judged it. The client reads plain words about "your scores"; the therapist the outcome's name and the numbers it
 * rests on. Nothing is shown for an instrument without published change numbers.
 */
class ChangeNote extends Div {

    ChangeNote(String slug, ProgressData.InstrumentSeries series, boolean forTherapist) {
        setId("change-" + slug);
        addClassName("attune-progress-change");
        var change = series.change();
        if (change == null || change.outcome() == null) {
            boolean single = series.points() != null && series.points().size() == 1;
            if (single && !InstrumentBands.of(series.code()).isEmpty()) {
                add(new Paragraph(getTranslation("progress.change.single")));
            } else {
                setVisible(false);
            }
            return;
        }
        var title = new Span(getTranslation("progress.change.title"));
        title.addClassName("attune-progress-change-title");
        getElement().setAttribute("data-outcome", change.outcome());
        Object[] figures = {change.baselineTotal(), change.latestTotal(), change.reliableChange(), change.caseness()};
        if (forTherapist) {
            var outcome = new Span(getTranslation("progress.change.therapist." + change.outcome()));
            outcome.addClassName("attune-progress-change-outcome");
            add(
                    title,
                    new Paragraph(outcome),
                    new Paragraph(getTranslation("progress.change.therapist.figures", figures)));
        } else {
            add(
                    title,
                    new Paragraph(getTranslation("progress.change.client." + change.outcome())),
                    new Paragraph(getTranslation("progress.change.client.figures", figures)));
        }
    }
}
