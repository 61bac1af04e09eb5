package org.attune.webui.therapist.ui;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Section;
import java.util.UUID;
import org.attune.webui.measures.ui.MeasuresPanel;
import org.attune.webui.measures.ui.MeasuresPanels;
import org.attune.webui.security.Caller;

/** The questionnaires scheduled for the client: the panel is made once per client and refreshed after that. */
class MeasuresSection extends Section {

    private final MeasuresPanels panels;
    private MeasuresPanel panel;
    private UUID panelClient;

    MeasuresSection(MeasuresPanels panels) {
        this.panels = panels;
        addClassName("attune-therapist-section");
        add(new H2(getTranslation("measures.therapist.title")));
    }

    void showFor(Caller therapist, UUID clientId) {
        if (panel != null && clientId.equals(panelClient)) {
            panel.refresh();
            return;
        }
        if (panel != null) {
            remove(panel);
        }
        panel = panels.create(therapist, clientId);
        panelClient = clientId;
        add(panel);
    }

    void refresh() {
        if (panel != null) {
            panel.refresh();
        }
    }
}
