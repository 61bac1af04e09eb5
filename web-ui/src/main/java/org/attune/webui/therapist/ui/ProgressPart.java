package org.attune.webui.therapist.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import java.util.Optional;
import java.util.function.Consumer;
import org.attune.webui.progress.ProgressData;
import org.attune.webui.progress.ProgressRange;
import org.attune.webui.progress.ui.ProgressCharts;
import org.attune.webui.progress.ui.UserTime;

/** The client's shared progress in the same charts the client sees, over a range the therapist picks. */
class ProgressPart extends Div {

    final RadioButtonGroup<ProgressRange> range = new RadioButtonGroup<>();
    final ProgressCharts charts = new ProgressCharts();
    final Paragraph chartsStatus = new Paragraph();

    ProgressPart(Consumer<ProgressRange> rangeChosen) {
        range.setId("progress-range");
        range.setLabel(getTranslation("progress.range.label"));
        range.setItems(ProgressRange.values());
        range.setItemLabelGenerator(r -> getTranslation("progress.range." + r.name()));
        range.setValue(ProgressRange.FOUR_WEEKS);
        range.addValueChangeListener(e -> {
            if (e.getValue() != null) {
                rangeChosen.accept(e.getValue());
            }
        });
        chartsStatus.addClassName("attune-therapist-muted");
        add(range, chartsStatus, charts);
    }

    /** Empty means the progress could not be read. */
    void show(Optional<ProgressData> loaded, UserTime time) {
        if (loaded.isEmpty()) {
            chartsStatus.setText(getTranslation("therapist.unavailable"));
            charts.removeAll();
        } else {
            chartsStatus.setText(loaded.get().isEmpty() ? getTranslation("therapist.progress.empty") : "");
            charts.show(loaded.get(), time, true);
        }
    }
}
