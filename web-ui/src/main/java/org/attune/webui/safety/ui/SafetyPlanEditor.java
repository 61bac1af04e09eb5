package org.attune.webui.safety.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.attune.webui.checkin.Outcome;
import org.attune.webui.safety.PlanSection;
import org.attune.webui.safety.SafetyPlan;

/** The seven parts of the plan, each a text area with one entry per line, in the plan's own order. */
public class SafetyPlanEditor extends Div {

    final Map<PlanSection, TextArea> areas = new EnumMap<>(PlanSection.class);

    public SafetyPlanEditor() {
        addClassName("attune-safety-plan-editor");
        for (var section : PlanSection.values()) {
            var area = new TextArea(getTranslation(section.titleKey()));
            area.setId("plan-" + section.field());
            area.setHelperText(getTranslation(section.titleKey() + ".prompt") + " "
                    + getTranslation("safety-plan.entries.helper"));
            area.setWidthFull();
            area.setMinRows(2);
            area.setMaxLength(PlanSection.MAX_ENTRIES * (PlanSection.MAX_ENTRY_LENGTH + 1));
            areas.put(section, area);
            var part = new Div(new H2(getTranslation(section.titleKey())), area);
            part.addClassName("attune-safety-plan-part");
            // The heading names the part; the field keeps its label for screen readers only.
            area.getElement().setAttribute("aria-label", getTranslation(section.titleKey()));
            area.setLabel(null);
            add(part);
        }
        add(new Paragraph(getTranslation("safety-plan.limits")));
    }

    public void fill(SafetyPlan plan) {
        areas.forEach((section, area) -> {
            area.setValue(String.join("\n", plan.entries(section)));
            area.setInvalid(false);
        });
    }

    public void fill(PlanSection section, List<String> entries) {
        var area = areas.get(section);
        area.setValue(String.join("\n", entries));
        area.setInvalid(false);
    }

    /** What the client wrote: one entry per non-blank line, as typed (trimmed). */
    public Map<PlanSection, List<String>> sections() {
        var sections = new EnumMap<PlanSection, List<String>>(PlanSection.class);
        areas.forEach((section, area) -> sections.put(section, lines(area.getValue())));
        return sections;
    }

    static List<String> lines(String text) {
        return text == null
                ? List.of()
                : Arrays.stream(text.split("\\R"))
                        .map(String::strip)
                        .filter(l -> !l.isEmpty())
                        .toList();
    }

    /** Marks the parts the service named; true when any was marked. */
    public boolean mark(List<Outcome.FieldProblem> problems) {
        boolean marked = false;
        for (var problem : problems) {
            var section = PlanSection.ofField(problem.field());
            if (section.isPresent()) {
                var area = areas.get(section.get());
                area.setInvalid(true);
                area.setErrorMessage(getTranslation("safety-plan.limits"));
                marked = true;
            }
        }
        return marked;
    }
}
