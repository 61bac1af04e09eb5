package org.attune.webui.safety.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.UnorderedList;
import org.attune.webui.safety.PlanSection;
import org.attune.webui.safety.SafetyPlan;

/** A safety plan read-only, part by part in its order; parts with nothing in them are left out. */
public class SafetyPlanSummary extends Div {

    public SafetyPlanSummary(SafetyPlan plan) {
        addClassName("attune-safety-plan");
        for (var section : PlanSection.values()) {
            var entries = plan.entries(section);
            if (entries.isEmpty()) {
                continue;
            }
            var list = new UnorderedList();
            entries.forEach(entry -> list.add(new ListItem(entry)));
            list.setId("plan-summary-" + section.field());
            add(new H3(getTranslation(section.titleKey())), list);
        }
    }
}
