package org.attune.webui.checkin.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.slider.IntegerSlider;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.attune.events.WindowOfTolerance;
import org.attune.webui.checkin.CheckInForm;
import org.attune.webui.checkin.CheckinGateway;
import org.attune.webui.checkin.Exercise;
import org.attune.webui.checkin.ExerciseGateway;
import org.attune.webui.checkin.Outcome;
import org.attune.webui.checkin.Vocabulary;
import org.attune.webui.measures.ui.DueMeasuresSection;
import org.attune.webui.measures.ui.MeasuresPanels;
import org.attune.webui.security.Caller;

/**
 * Today: a check-in in under a minute on one screen. After a check-in above or below the window of tolerance, a
 * short regulation exercise is offered right there (the one content-service recommended for it); within it, a short
 * thank-you. Nothing is counted.
 */
@Route("today")
@RolesAllowed("CLIENT")
class TodayView extends Main implements HasDynamicTitle {

    /** Where the sliders start: the middle, so a quick check-in is one move (or none) away. */
    static final int MIDDLE = 5;

    private final CheckinGateway checkins;
    private final ExerciseGateway exercises;
    private final Clock clock;

    final Div form = new Div();
    final IntegerSlider mood;
    final Map<WindowOfTolerance, Chip> window = new EnumMap<>(WindowOfTolerance.class);
    final Span windowError = new Span();
    final Map<String, Chip> emotions = new LinkedHashMap<>();
    final TextField freeWords;
    final Span emotionsError = new Span();
    final IntegerSlider energy;
    final NumberField sleep;
    final Map<String, Chip> tags = new LinkedHashMap<>();
    final Span tagsError = new Span();
    final TextArea note;
    final Button submit;
    final Paragraph status = new Paragraph();
    final Div result = new Div();

    /** One key per filled-in form: a double click or a retry after a lost answer stores one check-in. */
    String idempotencyKey = UUID.randomUUID().toString();

    final DueMeasuresSection dueMeasures;

    TodayView(CheckinGateway checkins, ExerciseGateway exercises, Clock clock, MeasuresPanels measures) {
        this.checkins = checkins;
        this.exercises = exercises;
        this.clock = clock;
        addClassNames("attune-page", "attune-checkin");

        mood = slider("mood", "checkin.mood", "checkin.mood.helper");
        energy = slider("energy", "checkin.energy", "checkin.energy.helper");

        freeWords = new TextField(getTranslation("checkin.emotions.free"));
        freeWords.setId("emotion-free");
        freeWords.setHelperText(getTranslation("checkin.emotions.free.helper"));
        freeWords.setMaxLength(5 * (Vocabulary.MAX_FREE_WORD_LENGTH + 2));
        freeWords.setValueChangeMode(ValueChangeMode.ON_BLUR);
        freeWords.addValueChangeListener(e -> limitEmotions());
        freeWords.setWidthFull();

        sleep = new NumberField(getTranslation("checkin.sleep"));
        sleep.setId("sleep");
        sleep.setHelperText(getTranslation("checkin.sleep.helper"));
        sleep.setMin(0);
        sleep.setMax(24);
        sleep.setStep(0.5);
        sleep.setStepButtonsVisible(true);

        note = new TextArea(getTranslation("checkin.note"));
        note.setId("note");
        note.setHelperText(getTranslation("checkin.note.helper"));
        note.setMaxLength(Vocabulary.MAX_NOTE_LENGTH);
        note.setWidthFull();

        submit = new Button(getTranslation("checkin.submit"), e -> submit());
        submit.setId("checkin-submit");
        submit.addThemeVariants(ButtonVariant.PRIMARY);
        submit.setDisableOnClick(true);

        status.setId("checkin-status");
        status.addClassName("attune-checkin-status");
        status.setVisible(false);
        result.setId("checkin-result");
        result.getElement().setAttribute("aria-live", "polite");
        result.setVisible(false);

        form.addClassName("attune-checkin-form");
        form.add(mood, windowGroup(), emotionGroup(), energy, sleep, tagGroup(), note, status, submit);

        // What the therapist scheduled and is due now; the section stays out of sight when nothing is.
        dueMeasures = measures.forClient(false, null);
        add(
                new H1(getTranslation("checkin.title")),
                new Paragraph(getTranslation("checkin.intro")),
                dueMeasures,
                form,
                result);
    }

    private IntegerSlider slider(String id, String labelKey, String helperKey) {
        var slider = new IntegerSlider(getTranslation(labelKey), 0, 10);
        slider.setId(id);
        slider.setHelperText(getTranslation(helperKey));
        slider.setMinMaxVisible(true);
        slider.setValueAlwaysVisible(true);
        slider.setValue(MIDDLE);
        slider.setWidthFull();
        slider.addValueChangeListener(e -> slider.setInvalid(false));
        return slider;
    }

    private Component windowGroup() {
        var label = new Span(getTranslation("checkin.window"));
        label.setId("window-label");
        label.addClassName("attune-checkin-label");
        var choices = new Div();
        choices.addClassName("attune-checkin-window");
        choices.getElement().setAttribute("role", "radiogroup");
        choices.getElement().setAttribute("aria-labelledby", "window-label");
        for (var w : WindowOfTolerance.values()) {
            var chip = new Chip(getTranslation("checkin.window." + w + ".name")).asRadio();
            chip.setId("window-" + w);
            chip.setTooltipText(getTranslation("checkin.window." + w + ".explained"));
            chip.getElement().setAttribute("aria-describedby", "window-" + w + "-explained");
            chip.addClassName("attune-checkin-window-choice");
            chip.addClickListener(e -> chooseWindow(w));
            var explained = new Span(getTranslation("checkin.window." + w + ".explained"));
            explained.setId("window-" + w + "-explained");
            explained.addClassName("attune-checkin-explained");
            var option = new Div(chip, explained);
            option.addClassName("attune-checkin-window-option");
            window.put(w, chip);
            choices.add(option);
        }
        windowError.setId("window-error");
        windowError.addClassName("attune-checkin-error");
        windowError.setVisible(false);
        var group = new Div(label, new Paragraph(getTranslation("checkin.window.helper")), choices, windowError);
        group.addClassName("attune-checkin-group");
        return group;
    }

    private void chooseWindow(WindowOfTolerance chosen) {
        window.forEach((w, chip) -> chip.setSelected(w == chosen));
        windowError.setVisible(false);
    }

    private Component emotionGroup() {
        var label = new Span(getTranslation("checkin.emotions"));
        label.setId("emotions-label");
        label.addClassName("attune-checkin-label");
        var chips = new Div();
        chips.addClassName("attune-checkin-chips");
        chips.getElement().setAttribute("role", "group");
        chips.getElement().setAttribute("aria-labelledby", "emotions-label");
        for (var word : Vocabulary.EMOTIONS) {
            var chip = new Chip(getTranslation("checkin.emotion." + word));
            chip.setId("emotion-" + word);
            chip.addClickListener(e -> {
                chip.setSelected(!chip.isSelected());
                limitEmotions();
            });
            emotions.put(word, chip);
            chips.add(chip);
        }
        emotionsError.setId("emotions-error");
        emotionsError.addClassName("attune-checkin-error");
        emotionsError.setVisible(false);
        var group = new Div(label, chips, freeWords, emotionsError);
        group.addClassName("attune-checkin-group");
        return group;
    }

    /** At most five words in all: once five are chosen, the other chips wait until one is let go. */
    private void limitEmotions() {
        boolean full = chosenEmotions().size() >= Vocabulary.MAX_EMOTIONS;
        emotions.values().forEach(chip -> chip.setEnabled(chip.isSelected() || !full));
        emotionsError.setVisible(false);
    }

    private Component tagGroup() {
        var label = new Span(getTranslation("checkin.tags"));
        label.setId("tags-label");
        label.addClassName("attune-checkin-label");
        var chips = new Div();
        chips.addClassName("attune-checkin-chips");
        chips.getElement().setAttribute("role", "group");
        chips.getElement().setAttribute("aria-labelledby", "tags-label");
        for (var tag : Vocabulary.PATTERN_TAGS) {
            var chip = new Chip(getTranslation("checkin.tag." + tag));
            chip.setId("tag-" + tag);
            chip.addClickListener(e -> chip.setSelected(!chip.isSelected()));
            tags.put(tag, chip);
            chips.add(chip);
        }
        tagsError.setId("tags-error");
        tagsError.addClassName("attune-checkin-error");
        tagsError.setVisible(false);
        var group = new Div(label, new Paragraph(getTranslation("checkin.tags.helper")), chips, tagsError);
        group.addClassName("attune-checkin-group");
        return group;
    }

    List<String> chosenEmotions() {
        var chosen = new ArrayList<String>();
        emotions.forEach((word, chip) -> {
            if (chip.isSelected()) {
                chosen.add(word);
            }
        });
        Arrays.stream(freeWords.getValue().split(","))
                .map(String::strip)
                .filter(word -> !word.isEmpty())
                .map(word -> word.toLowerCase(Locale.ROOT))
                .filter(word -> !chosen.contains(word))
                .forEach(chosen::add);
        return chosen;
    }

    private WindowOfTolerance chosenWindow() {
        return window.entrySet().stream()
                .filter(e -> e.getValue().isSelected())
                .map(Map.Entry::getKey)
                .findFirst()
                .orElse(null);
    }

    void submit() {
        clearErrors();
        var chosenWindow = chosenWindow();
        var words = chosenEmotions();
        boolean ready = true;
        if (mood.getValue() == null) {
            mood.setErrorMessage(getTranslation("checkin.error.slider"));
            mood.setInvalid(true);
            ready = false;
        }
        if (energy.getValue() == null) {
            energy.setErrorMessage(getTranslation("checkin.error.slider"));
            energy.setInvalid(true);
            ready = false;
        }
        if (chosenWindow == null) {
            showError(windowError, getTranslation("checkin.error.window"));
            ready = false;
        }
        if (words.size() > Vocabulary.MAX_EMOTIONS) {
            showError(emotionsError, getTranslation("checkin.error.emotions"));
            ready = false;
        }
        if (!ready) {
            submit.setEnabled(true);
            return;
        }
        var caller = Caller.current().orElseThrow();
        var form = new CheckInForm(
                mood.getValue(),
                chosenWindow,
                words,
                energy.getValue(),
                sleep.getValue(),
                tags.entrySet().stream()
                        .filter(e -> e.getValue().isSelected())
                        .map(Map.Entry::getKey)
                        .toList(),
                note.getValue(),
                LocalDate.now(clock.withZone(ClientTime.zone())));
        var sentAt = clock.instant();
        switch (checkins.recordCheckIn(caller, form, idempotencyKey)) {
            case Outcome.Done<String> done -> recorded(caller, chosenWindow, sentAt);
            case Outcome.Invalid<String> invalid -> {
                invalid.problems().forEach(this::showProblem);
                submit.setEnabled(true);
            }
            case Outcome.Unavailable<String> unavailable -> {
                status.setText(getTranslation("checkin.unavailable"));
                status.setVisible(true);
                submit.setEnabled(true);
            }
        }
    }

    private void clearErrors() {
        status.setVisible(false);
        for (var field : List.of(mood, energy)) {
            field.setInvalid(false);
        }
        sleep.setInvalid(false);
        note.setInvalid(false);
        freeWords.setInvalid(false);
        windowError.setVisible(false);
        emotionsError.setVisible(false);
        tagsError.setVisible(false);
    }

    private void showError(Span where, String message) {
        where.setText(message);
        where.setVisible(true);
    }

    /** A field problem from checkin-service, shown on the field it names. */
    void showProblem(Outcome.FieldProblem problem) {
        var message = getTranslation("checkin.error.field", problem.message());
        var field = problem.field() == null ? "" : problem.field();
        var base = field.contains("[") ? field.substring(0, field.indexOf('[')) : field;
        switch (base) {
            case "mood" -> {
                mood.setErrorMessage(message);
                mood.setInvalid(true);
            }
            case "energy" -> {
                energy.setErrorMessage(message);
                energy.setInvalid(true);
            }
            case "sleepHours" -> {
                sleep.setErrorMessage(message);
                sleep.setInvalid(true);
            }
            case "note" -> {
                note.setErrorMessage(message);
                note.setInvalid(true);
            }
            case "window" -> showError(windowError, message);
            case "emotions" -> showError(emotionsError, message);
            case "tags" -> showError(tagsError, message);
            default -> {
                status.setText(getTranslation("checkin.error.other", message));
                status.setVisible(true);
            }
        }
    }

    private void recorded(Caller caller, WindowOfTolerance chosen, Instant sentAt) {
        idempotencyKey = UUID.randomUUID().toString();
        form.setVisible(false);
        result.removeAll();
        var thanks = new Paragraph(getTranslation("checkin.thanks." + chosen));
        thanks.setId("checkin-thanks");
        thanks.addClassName("attune-checkin-thanks");
        result.add(thanks);
        if (chosen != WindowOfTolerance.WITHIN) {
            result.add(exerciseOffer(
                    exercises.recommendedAfterCheckIn(caller, sentAt).orElse(null), chosen));
        }
        var again = new Button(getTranslation("checkin.again"), e -> startOver());
        again.setId("checkin-again");
        again.addThemeVariants(ButtonVariant.TERTIARY);
        result.add(again);
        result.setVisible(true);
        result.scrollIntoView();
    }

    private Component exerciseOffer(Exercise exercise, WindowOfTolerance chosen) {
        var offer = new Section();
        offer.setId("exercise-offer");
        offer.addClassName("attune-checkin-offer");
        offer.add(new H2(getTranslation("checkin.offer.title")));
        if (exercise == null || exercise.reason() == null) {
            offer.add(new Paragraph(getTranslation("checkin.offer.intro." + chosen)));
        } else {
            // content-service's own words for why it chose this piece.
            var reason = new Paragraph(exercise.reason());
            reason.setId("exercise-reason");
            offer.add(reason);
        }
        if (exercise == null) {
            var fallback = new Paragraph(getTranslation("checkin.offer.fallback"));
            fallback.setId("exercise-fallback");
            var library = new Anchor("library", getTranslation("checkin.offer.library"));
            library.setId("exercise-open");
            offer.add(fallback, new Paragraph(library));
            return offer;
        }
        var title = new H3(exercise.title());
        title.setId("exercise-title");
        title.addClassName("attune-checkin-offer-title");
        offer.add(title, new Paragraph(getTranslation("checkin.offer.minutes", exercise.minutes())));
        if (exercise.summary() != null) {
            offer.add(new Paragraph(exercise.summary()));
        }
        if (!exercise.steps().isEmpty()) {
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
            offer.add(steps);
        }
        var open = new Anchor(exercise.libraryPath(), getTranslation("checkin.offer.open"));
        open.setId("exercise-open");
        open.addClassName("attune-checkin-offer-open");
        offer.add(new Paragraph(open), new Paragraph(getTranslation("checkin.offer.skip")));
        return offer;
    }

    void startOver() {
        mood.setValue(MIDDLE);
        energy.setValue(MIDDLE);
        sleep.clear();
        note.clear();
        freeWords.clear();
        window.values().forEach(chip -> chip.setSelected(false));
        emotions.values().forEach(chip -> chip.setSelected(false));
        tags.values().forEach(chip -> chip.setSelected(false));
        limitEmotions();
        clearErrors();
        result.removeAll();
        result.setVisible(false);
        form.setVisible(true);
        submit.setEnabled(true);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("checkin.page-title");
    }
}
