package org.attune.webui.home.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Nav;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;

/** The signed-in person's own space; check-ins and practices arrive here with their features. */
@Route("today")
@PermitAll
class TodayView extends Main implements HasDynamicTitle {

    TodayView(AuthenticationContext authentication) {
        addClassName("attune-page");
        var nav = new Nav();
        nav.addClassName("attune-nav");
        if (authentication.hasRole("CLIENT")) {
            nav.add(new Paragraph(new Anchor("sharing", getTranslation("today.nav.sharing"))));
        }
        if (authentication.hasRole("THERAPIST")) {
            nav.add(new Paragraph(new Anchor("clients", getTranslation("today.nav.clients"))));
        }
        nav.add(new Paragraph(new Anchor("my-data", getTranslation("today.nav.my-data"))));
        var signOut = new Button(getTranslation("today.nav.sign-out"), e -> authentication.logout());
        signOut.addThemeVariants(ButtonVariant.TERTIARY);
        add(
                new H1(getTranslation("today.title")),
                new Paragraph(getTranslation("today.placeholder")),
                nav,
                signOut,
                new Paragraph(new RouterLink(getTranslation("welcome.help-link"), CrisisResourcesView.class)));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("today.page-title");
    }
}
