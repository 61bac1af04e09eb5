package org.attune.webui.safety.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import java.util.Optional;
import org.attune.webui.safety.SafetyPlan;

/** On the help page, right after the lines: the client's own plan, or a gentle invitation to write one. */
public class HelpPlanSection extends Section {

    public HelpPlanSection() {
        setId("help-safety-plan");
        addClassName("attune-help-section");
        setVisible(false);
    }

    public void show(Optional<SafetyPlan> loaded) {
        removeAll();
        add(new H2(getTranslation("help.plan.title")));
        if (loaded.isEmpty()) {
            add(new Paragraph(getTranslation("help.plan.unavailable")), link("help.plan.edit"));
        } else if (loaded.get().written()) {
            add(
                    new Paragraph(getTranslation("help.plan.intro")),
                    new SafetyPlanSummary(loaded.get()),
                    link("help.plan.edit"));
        } else {
            add(new Paragraph(getTranslation("help.plan.none")), link("help.plan.write"));
        }
        setVisible(true);
    }

    private Anchor link(String key) {
        var link = new Anchor("safety-plan", getTranslation(key));
        link.setId("help-plan-link");
        return link;
    }
}
