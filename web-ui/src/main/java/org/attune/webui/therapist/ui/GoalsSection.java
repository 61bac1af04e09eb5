package org.attune.webui.therapist.ui;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Section;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.attune.webui.progress.Goal;
import org.attune.webui.progress.ui.GoalsOverview;
import org.attune.webui.progress.ui.UserTime;

/** The client's goal lines over the period shown, the same the client sees; shared with the questionnaire scores. */
class GoalsSection extends Section {

    final GoalsOverview overview = new GoalsOverview();

    GoalsSection() {
        addClassName("attune-therapist-section");
        add(new H2(getTranslation("goals.title")), overview);
    }

    /** Empty means the goals could not be read. */
    void show(Optional<List<Goal>> goals, LocalDate from, LocalDate to, UserTime time) {
        goals.ifPresentOrElse(list -> overview.show(list, from, to, time, true), overview::showUnavailable);
    }
}
