package org.attune.webui.measures.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.attune.webui.measures.AssignResult;
import org.attune.webui.measures.MeasureRequest;
import org.attune.webui.measures.MeasuresGateway;
import org.attune.webui.measures.MeasuresGateway.Questionnaire;
import org.attune.webui.measures.ScheduledMeasure;
import org.attune.webui.progress.ui.UserTime;
import org.attune.webui.security.Caller;

/**
 * A therapist's scheduled measures for one client (under INSTRUMENT_SCORES): how each stands — due now, paused by
 * the client, not answered in its last window — and a small form to schedule one. The client's reasons are never
 * asked, so none are shown. Made by {@link MeasuresPanels}.
 */
public class MeasuresPanel extends Section {

    static final List<String> UNITS = List.of("DAYS", "WEEKS", "MONTHS");

    final Div list = new Div();
    final Select<Questionnaire> questionnaire = new Select<>();
    final IntegerField every = new IntegerField();
    final Select<String> unit = new Select<>();
    final DatePicker firstDue = new DatePicker();
    final IntegerField windowDays = new IntegerField();
    final Button schedule = new Button();
    final Paragraph status = new Paragraph();

    private final MeasuresGateway gateway;
    private final Caller therapist;
    private final UUID clientId;

    MeasuresPanel(MeasuresGateway gateway, Caller therapist, UUID clientId, Clock clock) {
        this.gateway = gateway;
        this.therapist = therapist;
        this.clientId = clientId;
        setId("dashboard-measures");
        addClassName("attune-measures");
        list.setId("measures-list");
        status.setId("measures-status");
        status.getElement().setAttribute("aria-live", "polite");

        questionnaire.setId("measure-questionnaire");
        questionnaire.setLabel(getTranslation("measures.therapist.questionnaire"));
        questionnaire.setItemLabelGenerator(q -> q.title() + " (" + q.code() + ")");
        questionnaire.setItems(gateway.questionnaires(therapist).orElse(List.of()));
        every.setId("measure-every");
        every.setLabel(getTranslation("measures.therapist.every"));
        every.setMin(1);
        every.setMax(52);
        every.setStepButtonsVisible(true);
        every.setValue(2);
        unit.setId("measure-unit");
        unit.setLabel(getTranslation("measures.therapist.unit"));
        unit.setItems(UNITS);
        unit.setItemLabelGenerator(u -> getTranslation("measures.unit." + u));
        unit.setValue("WEEKS");
        firstDue.setId("measure-first-due");
        firstDue.setLabel(getTranslation("measures.therapist.first-due"));
        firstDue.setHelperText(getTranslation("measures.therapist.first-due.help"));
        firstDue.setValue(UserTime.of(this).today(clock));
        windowDays.setId("measure-window");
        windowDays.setLabel(getTranslation("measures.therapist.window"));
        windowDays.setHelperText(getTranslation("measures.therapist.window.help"));
        windowDays.setMin(1);
        windowDays.setStepButtonsVisible(true);
        windowDays.setValue(3);
        schedule.setId("measure-schedule");
        schedule.setText(getTranslation("measures.therapist.schedule"));
        schedule.addThemeVariants(ButtonVariant.PRIMARY);
        schedule.addClickListener(e -> schedule());

        var form = new Div(questionnaire, every, unit, firstDue, windowDays, schedule);
        form.addClassName("attune-measures-form");
        add(
                new Paragraph(getTranslation("measures.therapist.intro")),
                list,
                new H3(getTranslation("measures.therapist.new")),
                form,
                status);
        refresh();
    }

    /** Reloads how the scheduled measures stand (each read is in the client's access log). */
    public void refresh() {
        list.removeAll();
        var measures = gateway.scheduledFor(therapist, clientId);
        if (measures.isEmpty()) {
            list.add(new Paragraph(getTranslation("measures.therapist.unavailable")));
            return;
        }
        if (measures.get().isEmpty()) {
            list.add(new Paragraph(getTranslation("measures.therapist.none")));
            return;
        }
        var time = UserTime.of(this);
        for (var m : measures.get()) {
            list.add(row(m, time));
        }
    }

    private Div row(ScheduledMeasure m, UserTime time) {
        var row = new Div();
        row.setId("measure-row-" + m.code());
        row.addClassName("attune-measure");
        row.add(new H3(m.title()));
        row.add(new Paragraph(getTranslation(
                "measures.therapist.cadence",
                m.every(),
                getTranslation("measures.unit." + m.unit()),
                m.windowDays(),
                time.date(m.firstDue()))));
        var state = new Paragraph(
                switch (m.state()) {
                    case "OPEN" -> getTranslation("measures.therapist.state.OPEN", time.date(m.dueDate()));
                    case "SCHEDULED" -> getTranslation("measures.therapist.state.SCHEDULED", time.date(m.dueDate()));
                    default -> getTranslation("measures.therapist.state." + m.state());
                });
        state.setId("measure-state-" + m.code());
        row.add(state);
        if (m.lastWindow() != null) {
            var last = new Paragraph(
                    getTranslation("measures.therapist.last." + m.lastWindow(), time.date(m.lastDueDate())));
            last.setId("measure-last-" + m.code());
            row.add(last);
        }
        return row;
    }

    void schedule() {
        for (var field : List.of(every, windowDays)) {
            field.setInvalid(false);
        }
        questionnaire.setInvalid(false);
        firstDue.setInvalid(false);
        var chosen = questionnaire.getValue();
        var request = new MeasureRequest(
                chosen == null ? null : chosen.code(),
                every.getValue(),
                unit.getValue(),
                firstDue.getValue(),
                windowDays.getValue());
        switch (gateway.assign(therapist, clientId, request)) {
            case AssignResult.Scheduled done -> {
                status.setText(getTranslation(
                        "measures.therapist.scheduled", done.measure().title()));
                refresh();
            }
            case AssignResult.Invalid invalid -> {
                status.setText(getTranslation("measures.therapist.invalid"));
                invalid.fields().keySet().forEach(this::markInvalid);
            }
            case AssignResult.NotShared notShared -> status.setText(getTranslation("measures.therapist.not-shared"));
            case AssignResult.AlreadyScheduled already -> status.setText(getTranslation("measures.therapist.already"));
            case AssignResult.Unavailable unavailable ->
                status.setText(getTranslation("measures.therapist.unavailable"));
        }
    }

    private void markInvalid(String field) {
        switch (field) {
            case "code" -> {
                questionnaire.setErrorMessage(getTranslation("measures.therapist.questionnaire.invalid"));
                questionnaire.setInvalid(true);
            }
            case "every", "unit" -> {
                every.setErrorMessage(getTranslation("measures.therapist.every.invalid"));
                every.setInvalid(true);
            }
            case "firstDue" -> {
                firstDue.setErrorMessage(getTranslation("measures.therapist.first-due.invalid"));
                firstDue.setInvalid(true);
            }
            case "windowDays" -> {
                windowDays.setErrorMessage(getTranslation("measures.therapist.window.invalid"));
                windowDays.setInvalid(true);
            }
            default -> {}
        }
    }
}
