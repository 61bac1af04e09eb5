package org.attune.webui.home.ui;

import com.vaadin.flow.component.Text;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.attune.webui.security.Caller;

/**
 * The first page anyone sees: what Attune is for, and a way to help that needs no account. Someone signed in has their
 * own place to start instead: a client their Today page, a therapist their clients. Signing in lands here unless the
 * person was on their way to another page, so this is also where everyone arrives after signing in.
 */
@Route("")
@AnonymousAllowed
class WelcomeView extends Main implements HasDynamicTitle, BeforeEnterObserver {

    /** Where a signed-in person starts. */
    static final String CLIENT_HOME = "today";

    static final String THERAPIST_HOME = "clients";

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
    public void beforeEnter(BeforeEnterEvent event) {
        Caller.current().ifPresent(caller -> event.forwardTo(caller.isTherapist() ? THERAPIST_HOME : CLIENT_HOME));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("welcome.page-title");
    }
}
