package org.attune.webui.checkin.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import java.util.Optional;
import java.util.function.Supplier;
import org.attune.events.WindowOfTolerance;
import org.attune.webui.checkin.Exercise;

/**
 * After a check-in outside the window of tolerance: the regulation exercise content-service recommended for it, with
 * its own words for why; without one, a gentle pointer to the library. Taking it up is always optional.
 *
 * <p>The recommendation is made a moment after the check-in, so the offer first says it is looking and is filled in
 * by {@link #show(Exercise)} when the answer comes.
 */
class ExerciseOffer extends Section {

    private final WindowOfTolerance chosen;
    private final Paragraph finding = new Paragraph();
    private boolean shown;

    ExerciseOffer(WindowOfTolerance chosen) {
        this.chosen = chosen;
        setId("exercise-offer");
        addClassName("attune-checkin-offer");
        finding.setId("exercise-finding");
        finding.setText(getTranslation("checkin.offer.finding"));
        add(new H2(getTranslation("checkin.offer.title")), finding);
    }

    /** Whether the answer is in (the offer shows an exercise or the library). */
    boolean shown() {
        return shown;
    }

    /**
     * Waits for the recommendation off the request thread, so the thank-you shows at once and the page stays
     * responsive, then fills the offer in (unless the client has moved on).
     */
    void fillIn(UI ui, Supplier<Optional<Exercise>> recommendation) {
        // Push carries the answer; polling is the fallback where a proxy holds WebSockets back.
        ui.setPollInterval(1000);
        Thread.ofVirtual().name("exercise-offer").start(() -> {
            Exercise exercise;
            try {
                exercise = recommendation.get().orElse(null);
            } catch (RuntimeException unreadable) {
                exercise = null;
            }
            var found = exercise;
            try {
                ui.access(() -> {
                    ui.setPollInterval(-1);
                    if (isAttached()) {
                        show(found);
                    }
                });
            } catch (UIDetachedException leftThePage) {
                // Nothing left to show it on.
            }
        });
    }

    /** @param exercise null when none could be read (then the library is offered) */
    void show(Exercise exercise) {
        shown = true;
        remove(finding);
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
