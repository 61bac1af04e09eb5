package org.attune.webui.checkin.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.slider.IntegerSlider;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.attune.events.WindowOfTolerance;
import org.attune.webui.checkin.CheckInForm;
import org.attune.webui.checkin.CheckinGateway;
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

    private final TodayPresenter presenter;

    final Div form = new Div();
    final IntegerSlider mood;
    final CheckInChoices choices = new CheckInChoices(this::getTranslation);
    final Map<WindowOfTolerance, Chip> window = choices.window;
    final Span windowError = choices.windowError;
    final Map<String, Chip> emotions = choices.emotions;
    final TextField freeWords = choices.freeWords;
    final Span emotionsError = choices.emotionsError;
    final IntegerSlider energy;
    final NumberField sleep;
    final Map<String, Chip> tags = choices.tags;
    final Span tagsError = choices.tagsError;
    final TextArea note;
    final Button submit;
    final Paragraph status = new Paragraph();
    final Div result = new Div();

    /** One key per filled-in form: a double click or a retry after a lost answer stores one check-in. */
    String idempotencyKey = UUID.randomUUID().toString();

    final DueMeasuresSection dueMeasures;

    TodayView(CheckinGateway checkins, ExerciseGateway exercises, Clock clock, MeasuresPanels measures) {
        this.presenter = new TodayPresenter(checkins, exercises, measures, clock);
        addClassNames("attune-page", "attune-checkin");

        mood = slider("mood", "checkin.mood", "checkin.mood.helper");
        energy = slider("energy", "checkin.energy", "checkin.energy.helper");

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
        form.add(
                mood,
                choices.windowGroup(),
                choices.emotionGroup(),
                energy,
                sleep,
                choices.tagGroup(),
                note,
                status,
                submit);

        dueMeasures = presenter.dueMeasures();
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

    List<String> chosenEmotions() {
        return choices.chosenEmotions();
    }

    void submit() {
        clearErrors();
        var chosenWindow = choices.chosenWindow();
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
                choices.chosenTags(),
                note.getValue(),
                presenter.today());
        var sentAt = presenter.now();
        switch (presenter.record(caller, form, idempotencyKey)) {
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
        choices.clearErrors();
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
            var offer = new ExerciseOffer(chosen);
            result.add(offer);
            getUI().ifPresent(ui -> offer.fillIn(ui, () -> presenter.exerciseAfter(caller, chosen, sentAt)));
        }
        var again = new Button(getTranslation("checkin.again"), e -> startOver());
        again.setId("checkin-again");
        again.addThemeVariants(ButtonVariant.TERTIARY);
        result.add(again);
        result.setVisible(true);
        result.scrollIntoView();
    }

    void startOver() {
        mood.setValue(MIDDLE);
        energy.setValue(MIDDLE);
        sleep.clear();
        note.clear();
        choices.reset();
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
