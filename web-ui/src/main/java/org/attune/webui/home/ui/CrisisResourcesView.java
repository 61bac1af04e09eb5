package org.attune.webui.home.ui;

import com.vaadin.flow.component.Text;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.auth.AnonymousAllowed;

/** Crisis lines and emergency numbers, reachable without an account, and plain words on what Attune is not. */
@Route("help")
@AnonymousAllowed
class CrisisResourcesView extends Main implements HasDynamicTitle {

    final UnorderedList resources;
    final Paragraph notAnEmergencyService;

    CrisisResourcesView() {
        addClassName("attune-page");
        addClassName("attune-crisis");

        resources = new UnorderedList(
                resource("help.emergency.name", "help.emergency.detail", "112", "911"),
                resource("help.lifeline.name", "help.lifeline.detail", "988"),
                resource("help.samaritans.name", "help.samaritans.detail", "116 123"));
        resources.addClassName("attune-crisis-lines");

        notAnEmergencyService = new Paragraph(getTranslation("help.not-emergency"));
        notAnEmergencyService.addClassName("attune-notice");

        add(
                new H1(getTranslation("help.title")),
                new Paragraph(getTranslation("help.intro")),
                resources,
                notAnEmergencyService,
                new Paragraph(getTranslation("help.elsewhere")),
                new Paragraph(new RouterLink(getTranslation("help.back"), WelcomeView.class)));
    }

    /** One line: its name, then each number as a link a phone can dial, then what the line is for. */
    private ListItem resource(String nameKey, String detailKey, String... numbers) {
        var item = new ListItem();
        var name = new Span(getTranslation(nameKey));
        name.addClassName("attune-crisis-name");
        item.add(name, new Text(" "));
        for (int i = 0; i < numbers.length; i++) {
            if (i > 0) {
                item.add(new Text(" / "));
            }
            item.add(new Anchor("tel:" + numbers[i].replace(" ", ""), numbers[i]));
        }
        item.add(new Text(" — " + getTranslation(detailKey)));
        return item;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("help.page-title");
    }
}
