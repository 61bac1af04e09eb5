package org.attune.webui.therapist.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.RouterLink;

/** The same friendly page for a client who does not share, an unknown id and a malformed one. */
class NotSharedNotice extends Div {

    NotSharedNotice() {
        setId("dashboard-not-shared");
        add(
                new H1(getTranslation("therapist.not-shared.title")),
                new Paragraph(getTranslation("therapist.not-shared.text")),
                new RouterLink(getTranslation("therapist.back"), ClientsView.class));
        setVisible(false);
    }
}
