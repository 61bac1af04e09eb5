package org.attune.webui.ui;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.spring.security.AuthenticationContext;

/**
 * The frame around every page: the navigation for the signed-in person's role, and "Crisis lines & help" always in
 * the header, so crisis resources are one click away from anywhere. The button only opens the page; nothing is raised
 * until the client asks for it there.
 */
@Layout
@AnonymousAllowed
public class MainLayout extends AppLayout {

    MainLayout(AuthenticationContext authentication) {
        setPrimarySection(Section.DRAWER);
        var title = new Span(getTranslation("layout.title"));
        title.addClassName("attune-app-title");
        var help = new Anchor("help", getTranslation("layout.help-now"));
        help.addClassName("attune-help-now");
        help.setId("help-now");
        var header = new Span(title, help);
        header.addClassName("attune-header");
        addToNavbar(new DrawerToggle(), header);
        if (authentication.isAuthenticated()) {
            var signOut = new Button(getTranslation("layout.nav.sign-out"), e -> authentication.logout());
            signOut.addThemeVariants(ButtonVariant.TERTIARY);
            signOut.setId("sign-out");
            addToDrawer(navigation(authentication), signOut);
        }
    }

    private SideNav navigation(AuthenticationContext authentication) {
        var nav = new SideNav();
        nav.setLabel(getTranslation("layout.nav.label"));
        if (authentication.hasRole("CLIENT")) {
            nav.addItem(
                    item("today", "layout.nav.today"),
                    item("questionnaires", "layout.nav.questionnaires"),
                    item("after-session", "layout.nav.after-session"),
                    item("progress", "layout.nav.progress"),
                    item("library", "layout.nav.library"),
                    item("inbox", "layout.nav.inbox"),
                    item("bring-to-session", "layout.nav.bring-to-session"),
                    item("safety-plan", "layout.nav.safety-plan"),
                    item("sharing", "layout.nav.sharing"),
                    item("settings", "layout.nav.settings"));
        }
        if (authentication.hasRole("THERAPIST")) {
            nav.addItem(
                    item("clients", "layout.nav.clients"),
                    item("inbox", "layout.nav.inbox"),
                    item("settings", "layout.nav.settings"));
        }
        if (authentication.hasRole("OPERATOR")) {
            nav.addItem(item("operator", "layout.nav.operator"));
        } else {
            nav.addItem(item("my-data", "layout.nav.my-data"));
        }
        nav.addItem(item("sign-in-security", "layout.nav.sign-in-security"));
        return nav;
    }

    private SideNavItem item(String path, String key) {
        return new SideNavItem(getTranslation(key), path);
    }
}
