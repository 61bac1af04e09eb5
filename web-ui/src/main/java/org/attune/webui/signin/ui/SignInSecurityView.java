package org.attune.webui.signin.ui;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.attune.webui.signin.SignInSettings;

/** How this person signs in: an authenticator app with recovery codes, and passkeys. */
@Route("sign-in-security")
@RolesAllowed({"CLIENT", "THERAPIST", "OPERATOR"})
class SignInSecurityView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    final Paragraph notice = new Paragraph();
    final AuthenticatorAppSection app;
    final PasskeysSection passkeys;

    SignInSecurityView(SignInSettings settings) {
        addClassName("attune-page");
        notice.addClassName("attune-notice");
        notice.setVisible(false);
        app = new AuthenticatorAppSection(settings);
        passkeys = new PasskeysSection(settings);
        add(
                new H1(getTranslation("signin.settings.title")),
                new Paragraph(getTranslation("signin.settings.intro")),
                notice,
                app,
                passkeys);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var query = event.getLocation().getQueryParameters().getParameters();
        if (query.containsKey("confirmed")) {
            notice.setText(getTranslation("signin.app.confirmed"));
            notice.setVisible(true);
        } else if (query.containsKey("error") || query.containsKey("paused")) {
            notice.setText(getTranslation(query.containsKey("error") ? "signin.second.error" : "signin.second.paused"));
            notice.setVisible(true);
        }
        app.refresh();
        passkeys.refresh();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("signin.settings.page-title");
    }
}
