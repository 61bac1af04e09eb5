package org.attune.webui.checkin.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import org.attune.events.WindowOfTolerance;
import org.attune.webui.checkin.Exercise;

/**
 * After a check-in outside the window of tolerance: the regulation exercise content-service recommended for it, with
 * its own words for why; without one, a gentle pointer to the library. Taking it up is always optional.
 */
class ExerciseOffer extends Section {

    /** @param exercise null when none could be read (then the library is offered) */
    ExerciseOffer(Exercise exercise, WindowOfTolerance chosen) {
        setId("exercise-offer");
        addClassName("attune-checkin-offer");
        add(new H2(getTranslation("checkin.offer.title")));
        if (exercise == null || exercise.reason() == null) {
            add(new Paragraph(getTranslation("checkin.offer.intro." + chosen)));
        } else {
            // content-service's own words for why it chose this piece.
            var reason = new Paragraph(exercise.reason());
            reason.setId("exercise-reason");
            add(reason);
        }
        if (exercise == null) {
            var fallback = new Paragraph(getTranslation("checkin.offer.fallback"));
            fallback.setId("exercise-fallback");
            var library = new Anchor("library", getTranslation("checkin.offer.library"));
            library.setId("exercise-open");
            add(fallback, new Paragraph(library));
            return;
        }
        var title = new H3(exercise.title());
        title.setId("exercise-title");
        title.addClassName("attune-checkin-offer-title");
        add(title, new Paragraph(getTranslation("checkin.offer.minutes", exercise.minutes())));
        if (exercise.summary() != null) {
            add(new Paragraph(exercise.summary()));
        }
        if (!exercise.steps().isEmpty()) {
            add(steps(exercise));
        }
        var open = new Anchor(exercise.libraryPath(), getTranslation("checkin.offer.open"));
        open.setId("exercise-open");
        open.addClassName("attune-checkin-offer-open");
        add(new Paragraph(open), new Paragraph(getTranslation("checkin.offer.skip")));
    }

    private static OrderedList steps(Exercise exercise) {
        var steps = new OrderedList();
        steps.setId("exercise-steps");
        steps.addClassName("attune-checkin-steps");
        for (var step : exercise.steps()) {
            var item = new ListItem();
            if (step.title() != null) {
                var stepTitle = new Span(step.title());
                stepTitle.addClassName("attune-checkin-step-title");
                item.add(stepTitle);
            }
            if (step.text() != null) {
                item.add(new Paragraph(step.text()));
            }
            steps.add(item);
        }
        return steps;
    }
}
