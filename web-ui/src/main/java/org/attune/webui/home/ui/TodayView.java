package org.attune.webui.home.ui;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.PermitAll;

/** The signed-in person's own space; check-ins and practices arrive here with their features. */
@Route("today")
@PermitAll
class TodayView extends Main implements HasDynamicTitle {

    TodayView() {
        addClassName("attune-page");
        add(
                new H1(getTranslation("today.title")),
                new Paragraph(getTranslation("today.placeholder")),
                new Paragraph(new RouterLink(getTranslation("welcome.help-link"), CrisisResourcesView.class)));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("today.page-title");
    }
}
