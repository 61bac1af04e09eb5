package org.attune.webui.home.ui;

import com.vaadin.flow.component.Text;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.auth.AnonymousAllowed;

/** The first page anyone sees: what Attune is for, and a way to help that needs no account. */
@Route("")
@AnonymousAllowed
class WelcomeView extends Main implements HasDynamicTitle {

    final RouterLink helpLink;

    WelcomeView() {
        addClassName("attune-page");
        helpLink = new RouterLink(getTranslation("welcome.help-link"), CrisisResourcesView.class);
        helpLink.addClassName("attune-help-link");
        helpLink.setId("help-link");

        var signIn = new Anchor("login", getTranslation("welcome.sign-in"));
        signIn.addClassName("attune-sign-in");

        add(
                new H1(getTranslation("welcome.title")),
                new Paragraph(getTranslation("welcome.intro")),
                new Paragraph(getTranslation("welcome.pace")),
                new Paragraph(getTranslation("welcome.sharing")),
                new Paragraph(signIn),
                new Paragraph(new Text(getTranslation("welcome.help-prefix") + " "), helpLink));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("welcome.page-title");
    }
}
