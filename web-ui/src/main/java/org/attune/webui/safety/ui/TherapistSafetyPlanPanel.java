package org.attune.webui.safety.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.UUID;
import org.attune.webui.checkin.Outcome;
import org.attune.webui.progress.ui.UserTime;
import org.attune.webui.safety.PlanSection;
import org.attune.webui.safety.SafetyGateway;
import org.attune.webui.safety.SafetyPlan;
import org.attune.webui.security.Caller;

/**
 * A client's safety plan on their therapist's dashboard: read-only, with the therapist's own suggestions and what the
 * client made of them, and a small form to suggest how one part could read. Only the client changes the plan.
 */
public class TherapistSafetyPlanPanel extends Div {

    private final SafetyGateway gateway;
    private final Caller therapist;
    private final UUID clientId;

    final Div plan = new Div();
    final Select<PlanSection> section = new Select<>();
    final TextArea entries = new TextArea();
    final TextArea note = new TextArea();
    final Button send;
    final Paragraph status = new Paragraph();

    TherapistSafetyPlanPanel(SafetyGateway gateway, Caller therapist, UUID clientId) {
        this.gateway = gateway;
        this.therapist = therapist;
        this.clientId = clientId;
        setId("dashboard-safety-plan");
        plan.setId("dashboard-safety-plan-content");
        section.setId("plan-suggest-section");
        section.setLabel(getTranslation("therapist.plan.suggest.section"));
        section.setItems(PlanSection.values());
        section.setItemLabelGenerator(s -> getTranslation(s.titleKey()));
        entries.setId("plan-suggest-entries");
        entries.setLabel(getTranslation("therapist.plan.suggest.entries"));
        entries.setWidthFull();
        note.setId("plan-suggest-note");
        note.setLabel(getTranslation("therapist.plan.suggest.note"));
        note.setWidthFull();
        send = new Button(getTranslation("therapist.plan.suggest.send"), e -> suggest());
        send.setId("plan-suggest-send");
        send.addThemeVariants(ButtonVariant.PRIMARY);
        status.setId("plan-suggest-status");
        status.getElement().setAttribute("role", "status");
        var about = new Paragraph(getTranslation("therapist.plan.about"));
        about.addClassName("attune-therapist-muted");
        var form =
                new Div(new H3(getTranslation("therapist.plan.suggest.title")), section, entries, note, send, status);
        form.addClassName("attune-therapist-suggest");
        add(about, plan, form);
        reload();
    }

    void reload() {
        plan.removeAll();
        var loaded = gateway.clientPlan(therapist, clientId);
        if (loaded.isEmpty()) {
            plan.add(new Paragraph(getTranslation("therapist.unavailable")));
            return;
        }
        var shown = loaded.get();
        if (!shown.written()) {
            plan.add(new Paragraph(getTranslation("therapist.plan.none")));
        } else {
            var version = new Paragraph(getTranslation(
                    "therapist.plan.version", shown.version(), UserTime.of(this).dateTime(shown.savedAt())));
            version.addClassName("attune-therapist-muted");
            plan.add(version, new SafetyPlanSummary(shown));
        }
        if (!shown.suggestions().isEmpty()) {
            var list = new UnorderedList();
            for (var s : shown.suggestions()) {
                var part = s.section() == null ? "" : getTranslation(s.section().titleKey());
                var item = new ListItem(part + ": " + String.join("; ", s.entries()) + " — "
                        + getTranslation("therapist.plan.suggestion.status." + s.status()));
                item.setId("plan-suggestion-" + s.id());
                list.add(item);
            }
            plan.add(new H3(getTranslation("therapist.plan.suggestions")), list);
        }
    }

    void suggest() {
        var lines = SafetyPlanEditor.lines(entries.getValue());
        switch (gateway.suggest(therapist, clientId, section.getValue(), lines, note.getValue())) {
            case Outcome.Done<SafetyPlan.Suggestion> done -> {
                status.setText(getTranslation("therapist.plan.suggest.sent"));
                entries.clear();
                note.clear();
                reload();
            }
            case Outcome.Invalid<SafetyPlan.Suggestion> invalid ->
                status.setText(getTranslation("therapist.plan.suggest.invalid"));
            case Outcome.Unavailable<SafetyPlan.Suggestion> unavailable ->
                status.setText(getTranslation("therapist.plan.suggest.not-sent"));
        }
    }
}
