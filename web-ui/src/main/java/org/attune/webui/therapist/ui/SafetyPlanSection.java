package org.attune.webui.therapist.ui;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Section;
import java.util.UUID;
import org.attune.webui.safety.ui.SafetyPlanPanels;
import org.attune.webui.safety.ui.TherapistSafetyPlanPanel;
import org.attune.webui.security.Caller;

/** The client's safety plan, read once per client and not on every refresh: each read is logged for the client. */
class SafetyPlanSection extends Section {

    private final SafetyPlanPanels panels;
    private TherapistSafetyPlanPanel panel;
    private UUID panelClient;

    SafetyPlanSection(SafetyPlanPanels panels) {
        this.panels = panels;
        addClassName("attune-therapist-section");
        add(new H2(getTranslation("therapist.plan.title")));
    }

    void showFor(Caller therapist, UUID clientId) {
        if (panel != null && clientId.equals(panelClient)) {
            return;
        }
        if (panel != null) {
            remove(panel);
        }
        panel = panels.create(therapist, clientId);
        panelClient = clientId;
        add(panel);
    }
}
