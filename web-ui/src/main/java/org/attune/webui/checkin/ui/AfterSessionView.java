package org.attune.webui.checkin.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.slider.IntegerSlider;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.attune.webui.checkin.CheckinGateway;
import org.attune.webui.checkin.FeedbackEntry;
import org.attune.webui.checkin.FeedbackForm;
import org.attune.webui.checkin.Outcome;
import org.attune.webui.security.Caller;

/**
 * After a session: Attune's own four-question connection check (not a validated questionnaire, and it says so).
 * With a rupture signal, a gentle page with words the client could use to bring it up next time, and a choice to
 * share it with the therapist now or keep it private.
 */
@Route("after-session")
@RolesAllowed("CLIENT")
class AfterSessionView extends Main implements HasDynamicTitle {

    static final int MAX_TEXT_LENGTH = 2000;

    private final CheckinGateway checkins;

    final Div form = new Div();
    final IntegerSlider heard;
    final IntegerSlider goals;
    final IntegerSlider approach;
    final IntegerSlider overall;
    final DatePicker sessionDate;
    final TextArea text;
    final Checkbox share;
    final Checkbox shareComment;
    final Button submit;
    final Paragraph status = new Paragraph();
    final Section result = new Section();
    FeedbackEntry recorded;
    final java.util.Set<IntegerSlider> touched = new java.util.HashSet<>();

    AfterSessionView(CheckinGateway checkins, Clock clock) {
        this.checkins = checkins;
        addClassNames("attune-page", "attune-checkin-feedback");

        heard = rating("feedback-heard", "checkin.feedback.heard");
        goals = rating("feedback-goals", "checkin.feedback.goals");
        approach = rating("feedback-approach", "checkin.feedback.approach");
        overall = rating("feedback-overall", "checkin.feedback.overall");

        sessionDate = new DatePicker(getTranslation("checkin.feedback.date"));
        sessionDate.setId("feedback-date");
        sessionDate.setHelperText(getTranslation("checkin.feedback.date.helper"));
        sessionDate.setMax(LocalDate.now(clock.withZone(ClientTime.zone())));
        sessionDate.setLocale(ClientTime.displayLocale());

        text = new TextArea(getTranslation("checkin.feedback.text"));
        text.setId("feedback-text");
        text.setMaxLength(MAX_TEXT_LENGTH);
        text.setWidthFull();

        share = new Checkbox(getTranslation("checkin.feedback.share"));
        share.setId("feedback-share");
        shareComment = new Checkbox(getTranslation("checkin.feedback.share-comment"));
        shareComment.setId("feedback-share-comment");
        // The ratings reach a therapist through the client's SESSION_FEEDBACK grant; only the words are chosen here.
        shareComment.setVisible(false);
        share.addValueChangeListener(e -> shareComment.setValue(e.getValue()));

        submit = new Button(getTranslation("checkin.feedback.submit"), e -> submit());
        submit.setId("feedback-submit");
        submit.addThemeVariants(ButtonVariant.PRIMARY);
        submit.setDisableOnClick(true);

        status.setId("feedback-status");
        status.addClassName("attune-checkin-status");
        status.setVisible(false);
        result.setId("feedback-result");
        result.setVisible(false);

        var about = new Paragraph(getTranslation("checkin.feedback.about"));
        about.addClassName("attune-checkin-source");
        form.addClassName("attune-checkin-form");
        form.add(
                new Paragraph(getTranslation("checkin.feedback.intro")),
                heard,
                goals,
                approach,
                overall,
                sessionDate,
                text,
                new Paragraph(getTranslation("checkin.feedback.visibility")),
                share,
                shareComment,
                status,
                submit,
                about);
        add(new H1(getTranslation("checkin.feedback.title")), form, result);
    }

    private IntegerSlider rating(String id, String key) {
        var slider = new IntegerSlider(getTranslation(key), 0, 10);
        slider.setId(id);
        slider.setHelperText(getTranslation("checkin.feedback.scale.untouched"));
        slider.setMinMaxVisible(true);
        slider.setRequiredIndicatorVisible(true);
        slider.setValue(5);
        slider.setWidthFull();
        // A slider always has a value; only one the person moved counts as an answer, so an untouched default can
        // never turn into a rupture signal.
        slider.addValueChangeListener(e -> {
            slider.setInvalid(false);
            slider.setValueAlwaysVisible(true);
            slider.setHelperText(getTranslation("checkin.feedback.scale"));
            touched.add(slider);
        });
        return slider;
    }

    void submit() {
        status.setVisible(false);
        boolean ready = true;
        for (var slider : List.of(heard, goals, approach, overall)) {
            slider.setInvalid(false);
            if (slider.getValue() == null || !touched.contains(slider)) {
                slider.setErrorMessage(getTranslation("checkin.error.slider"));
                slider.setInvalid(true);
                ready = false;
            }
        }
        if (!ready) {
            submit.setEnabled(true);
            return;
        }
        var feedback = new FeedbackForm(
                heard.getValue(),
                goals.getValue(),
                approach.getValue(),
                overall.getValue(),
                sessionDate.getValue(),
                text.getValue(),
                share.getValue(),
                share.getValue() && shareComment.getValue());
        switch (checkins.recordFeedback(Caller.current().orElseThrow(), feedback)) {
            case Outcome.Done<FeedbackEntry> done -> showResult(done.value());
            case Outcome.Invalid<FeedbackEntry> invalid -> {
                invalid.problems().forEach(this::showProblem);
                submit.setEnabled(true);
            }
            case Outcome.Unavailable<FeedbackEntry> unavailable -> {
                status.setText(getTranslation("checkin.feedback.unavailable"));
                status.setVisible(true);
                submit.setEnabled(true);
            }
        }
    }

    private void showProblem(Outcome.FieldProblem problem) {
        var message = getTranslation("checkin.error.field", problem.message());
        switch (problem.field() == null ? "" : problem.field()) {
            case "heard" -> invalid(heard, message);
            case "goals" -> invalid(goals, message);
            case "approach" -> invalid(approach, message);
            case "overall" -> invalid(overall, message);
            case "sessionDate" -> {
                sessionDate.setErrorMessage(message);
                sessionDate.setInvalid(true);
            }
            case "text" -> {
                text.setErrorMessage(message);
                text.setInvalid(true);
            }
            default -> {
                status.setText(getTranslation("checkin.error.other", message));
                status.setVisible(true);
            }
        }
    }

    private static void invalid(IntegerSlider slider, String message) {
        slider.setErrorMessage(message);
        slider.setInvalid(true);
    }

    private void showResult(FeedbackEntry entry) {
        recorded = entry;
        form.setVisible(false);
        result.removeAll();
        result.setVisible(true);
        if (!entry.rupture()) {
            var thanks = new Paragraph(getTranslation("checkin.feedback.thanks"));
            thanks.setId("feedback-thanks");
            result.add(thanks);
            if (entry.shared()) {
                result.add(new Paragraph(getTranslation("checkin.feedback.shared")));
            }
            return;
        }
        var rupture = new Div();
        rupture.setId("feedback-rupture");
        rupture.addClassName("attune-checkin-rupture");
        rupture.add(
                new H2(getTranslation("checkin.feedback.rupture.title")),
                new Paragraph(getTranslation("checkin.feedback.rupture.intro")),
                new Paragraph(getTranslation("checkin.feedback.rupture.words-intro")));
        var words = new UnorderedList();
        words.setId("feedback-words");
        words.addClassName("attune-checkin-words");
        for (int i = 1; i <= 4; i++) {
            words.add(new ListItem(getTranslation("checkin.feedback.rupture.words." + i)));
        }
        rupture.add(words, new Paragraph(getTranslation("checkin.feedback.rupture.normal")));
        var choice = new Paragraph();
        choice.setId("feedback-share-status");
        choice.getElement().setAttribute("role", "status");
        boolean wroteSomething = text.getValue() != null && !text.getValue().isBlank();
        if (entry.shared()) {
            choice.setText(getTranslation("checkin.feedback.rupture.already-shared"));
            rupture.add(choice);
        } else if (!wroteSomething) {
            choice.setText(getTranslation("checkin.feedback.visibility"));
            rupture.add(choice);
        } else {
            var shareNow = new Button(getTranslation("checkin.feedback.rupture.share-now"));
            shareNow.setId("feedback-share-now");
            shareNow.addThemeVariants(ButtonVariant.PRIMARY);
            var keepPrivate = new Button(getTranslation("checkin.feedback.rupture.keep-private"));
            keepPrivate.setId("feedback-keep-private");
            var buttons = new Div(shareNow, keepPrivate);
            buttons.addClassName("attune-checkin-buttons");
            shareNow.addClickListener(e -> {
                if (checkins.shareFeedback(Caller.current().orElseThrow(), entry.id(), true)) {
                    choice.setText(getTranslation("checkin.feedback.rupture.shared-now"));
                    buttons.setVisible(false);
                } else {
                    choice.setText(getTranslation("checkin.feedback.rupture.share-failed"));
                }
            });
            keepPrivate.addClickListener(e -> {
                choice.setText(getTranslation("checkin.feedback.rupture.kept-private"));
                buttons.setVisible(false);
            });
            rupture.add(new Paragraph(getTranslation("checkin.feedback.rupture.choice")), buttons, choice);
        }
        result.add(rupture);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("checkin.feedback.page-title");
    }
}
