package org.attune.webui.checkin.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.radiobutton.RadioGroupVariant;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.attune.kit.crisis.CrisisLines;
import org.attune.webui.checkin.CheckinGateway;
import org.attune.webui.checkin.Instrument;
import org.attune.webui.checkin.Outcome;
import org.attune.webui.checkin.QuestionnaireResult;
import org.attune.webui.measures.ui.DueMeasuresSection;
import org.attune.webui.measures.ui.MeasuresPanels;
import org.attune.webui.security.Caller;

/**
 * Questionnaires, one question per step (so it reads the same on a phone), with "question 3 of 9" rather than any
 * score along the way. The result shows the total, its band and what the band means in plain words. From the moment
 * an answer holds a safety flag (PHQ-9's question about self-harm above 0) the crisis lines stand above everything
 * else, also when the answers could not be sent; a result in the most severe range puts them there too.
 */
@Route("questionnaires")
@RolesAllowed("CLIENT")
class QuestionnairesView extends Main implements HasDynamicTitle, BeforeEnterObserver {

    static final String SEVERE_BAND = "SEVERE_BAND";

    private final CheckinGateway checkins;
    final QuestionnaireCrisis crisis;

    final Div list = new Div();
    final Section step = new Section();
    final Section result = new Section();

    Instrument instrument;
    int index;
    final Map<String, Integer> answers = new LinkedHashMap<>();
    RadioButtonGroup<Instrument.Option> answer;
    Button next;
    Button back;
    Span progress;
    Span answerError;

    final DueMeasuresSection scheduled;

    QuestionnairesView(CheckinGateway checkins, CrisisLines crisisLines, MeasuresPanels measures) {
        this.checkins = checkins;
        this.crisis = new QuestionnaireCrisis(crisisLines);
        this.scheduled = measures.forClient(true, this::startByCode);
        addClassNames("attune-page", "attune-checkin-questionnaires");
        list.setId("questionnaire-list");
        step.setId("questionnaire-step");
        result.setId("questionnaire-result");
        add(new H1(getTranslation("checkin.questionnaires.title")), crisis, scheduled, list, step, result);
        showList();
    }

    void showList() {
        step.setVisible(false);
        result.setVisible(false);
        list.removeAll();
        list.setVisible(true);
        scheduled.refresh();
        list.add(new Paragraph(getTranslation("checkin.questionnaires.intro")));
        var instruments = checkins.instruments(Caller.current().orElseThrow());
        if (instruments.isEmpty()) {
            var unavailable = new Paragraph(getTranslation("checkin.questionnaires.unavailable"));
            unavailable.setId("questionnaire-unavailable");
            list.add(unavailable);
            return;
        }
        var offered = instruments.get().stream()
                .filter(i -> !Instrument.SESSION_CONNECTION.equals(i.code()))
                .toList();
        if (offered.isEmpty()) {
            list.add(new Paragraph(getTranslation("checkin.questionnaires.none")));
        }
        for (var each : offered) {
            var card = new Div();
            card.addClassName("attune-checkin-instrument");
            card.add(new H2(each.title()));
            if (each.about() != null) {
                card.add(new Paragraph(each.about()));
            }
            card.add(new Paragraph(
                    getTranslation("checkin.questionnaires.length", each.items().size())));
            var start = new Button(getTranslation("checkin.questionnaires.start"), e -> start(each));
            start.setId("questionnaire-start-" + each.code());
            start.addThemeVariants(ButtonVariant.PRIMARY);
            start.getElement()
                    .setAttribute("aria-label", getTranslation("checkin.questionnaires.start") + ": " + each.title());
            card.add(start);
            if (each.source() != null) {
                var source = new Paragraph(each.source());
                source.addClassName("attune-checkin-source");
                card.add(source);
            }
            list.add(card);
        }
    }

    /** "Answer now" on a scheduled questionnaire, here or from Today ({@code ?start=PHQ-9}). */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        event.getLocation()
                .getQueryParameters()
                .getSingleParameter(DueMeasuresSection.START_PARAMETER)
                .ifPresent(this::startByCode);
    }

    void startByCode(String code) {
        checkins.instruments(Caller.current().orElseThrow()).stream()
                .flatMap(java.util.List::stream)
                .filter(i -> i.code().equals(code) && !Instrument.SESSION_CONNECTION.equals(code))
                .findFirst()
                .ifPresent(this::start);
    }

    void start(Instrument chosen) {
        scheduled.setVisible(false);
        instrument = chosen;
        answers.clear();
        crisis.hide();
        index = 0;
        list.setVisible(false);
        result.setVisible(false);
        step.setVisible(true);
        showStep();
    }

    private void showStep() {
        step.removeAll();
        var item = instrument.items().get(index);
        int count = instrument.items().size();
        step.add(new H2(instrument.title()));
        progress = new Span(getTranslation("checkin.questionnaires.progress", index + 1, count));
        progress.setId("questionnaire-progress");
        progress.addClassName("attune-checkin-progress");
        var bar = new ProgressBar(0, count, index + 1);
        bar.getElement().setAttribute("aria-hidden", "true");
        step.add(progress, bar);
        if (instrument.prompt() != null) {
            step.add(new Paragraph(instrument.prompt()));
        }
        answer = new RadioButtonGroup<>(item.text());
        answer.setId("questionnaire-answer");
        answer.addThemeVariants(RadioGroupVariant.LUMO_VERTICAL);
        answer.setItems(item.options());
        answer.setItemLabelGenerator(Instrument.Option::label);
        answer.addClassName("attune-checkin-answer");
        var given = answers.get(item.id());
        if (given != null) {
            item.options().stream().filter(o -> o.value() == given).findFirst().ifPresent(answer::setValue);
        }
        answer.addValueChangeListener(e -> {
            if (e.getValue() != null) {
                answers.put(item.id(), e.getValue().value());
                answerError.setVisible(false);
                showCrisisWhileAnswering();
            }
        });
        answerError = new Span(getTranslation("checkin.questionnaires.choose"));
        answerError.setId("questionnaire-answer-error");
        answerError.addClassName("attune-checkin-error");
        answerError.setVisible(false);

        back = new Button(getTranslation("checkin.questionnaires.back"), e -> back());
        back.setId("questionnaire-back");
        back.setEnabled(index > 0);
        boolean last = index == count - 1;
        next = new Button(
                getTranslation(last ? "checkin.questionnaires.submit" : "checkin.questionnaires.next"), e -> next());
        next.setId(last ? "questionnaire-submit" : "questionnaire-next");
        next.addThemeVariants(ButtonVariant.PRIMARY);
        var stop = new Button(getTranslation("checkin.questionnaires.stop"), e -> showList());
        stop.setId("questionnaire-stop");
        stop.addThemeVariants(ButtonVariant.TERTIARY);
        var buttons = new Div(back, next);
        buttons.addClassName("attune-checkin-buttons");
        step.add(answer, answerError, buttons, stop);
    }

    void back() {
        if (index > 0) {
            index--;
            showStep();
        }
    }

    void next() {
        var item = instrument.items().get(index);
        if (!answers.containsKey(item.id())) {
            answerError.setVisible(true);
            return;
        }
        if (index < instrument.items().size() - 1) {
            index++;
            showStep();
            return;
        }
        submit();
    }

    private void submit() {
        switch (checkins.respond(Caller.current().orElseThrow(), instrument.code(), Map.copyOf(answers))) {
            case Outcome.Done<QuestionnaireResult> done -> showResult(done.value());
            case Outcome.Invalid<QuestionnaireResult> invalid -> showUnsent("checkin.questionnaires.invalid");
            case Outcome.Unavailable<QuestionnaireResult> unavailable ->
                showUnsent("checkin.questionnaires.unavailable-submit");
        }
    }

    /** The answers stay; the person can try again from the last question. The crisis lines stay too. */
    private void showUnsent(String key) {
        answerError.setText(getTranslation(key));
        answerError.setVisible(true);
        if (instrument.safetyItemAnswered(answers)) {
            crisis.show(QuestionnaireCrisis.Reason.SELF_HARM, QuestionnaireCrisis.Sending.NOT_SENT);
        }
    }

    /** An answer that is a safety flag by itself shows the lines at once; changing it back takes them away. */
    private void showCrisisWhileAnswering() {
        if (instrument.safetyItemAnswered(answers)) {
            crisis.show(QuestionnaireCrisis.Reason.SELF_HARM, QuestionnaireCrisis.Sending.ANSWERING);
        } else {
            crisis.hide();
        }
    }

    void showResult(QuestionnaireResult scored) {
        step.setVisible(false);
        result.removeAll();
        result.setVisible(true);
        if (scored.selfHarmItem() || (instrument != null && instrument.safetyItemAnswered(answers))) {
            crisis.show(QuestionnaireCrisis.Reason.SELF_HARM, QuestionnaireCrisis.Sending.SENT);
        } else if (scored.flags().contains(SEVERE_BAND)) {
            crisis.show(QuestionnaireCrisis.Reason.SEVERE, QuestionnaireCrisis.Sending.SENT);
        } else {
            crisis.hide();
        }
        result.add(new H2(getTranslation("checkin.questionnaires.result.title", instrument.title())));
        var total = new Paragraph(getTranslation("checkin.questionnaires.total", scored.total(), scored.maxTotal()));
        total.setId("questionnaire-total");
        var band = new Paragraph(getTranslation(
                "checkin.questionnaires.band", scored.bandLabel() == null ? scored.band() : scored.bandLabel()));
        band.setId("questionnaire-band");
        var meaning = new Paragraph(meaning(scored));
        meaning.setId("questionnaire-meaning");
        var snapshot = new Paragraph(getTranslation("checkin.questionnaires.snapshot"));
        var done = new Button(getTranslation("checkin.questionnaires.done"), e -> showList());
        done.setId("questionnaire-done");
        result.add(total, band, meaning, snapshot, done);
    }

    /** What the band means in plain words: this instrument's own text if the bundle has one, else a general one. */
    private String meaning(QuestionnaireResult scored) {
        var key = "checkin.questionnaires.meaning." + scored.code().toLowerCase(Locale.ROOT) + "." + scored.band();
        var text = getTranslation(key);
        if (text == null || text.isBlank() || text.startsWith("!{") || text.equals(key)) {
            return getTranslation("checkin.questionnaires.meaning.other");
        }
        return text;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("checkin.questionnaires.page-title");
    }
}
