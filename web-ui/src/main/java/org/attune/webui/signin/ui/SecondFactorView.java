package org.attune.webui.signin.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import org.attune.webui.signin.SignInSettings;

/**
 * The second step of signing in: a code from the authenticator app (or a recovery code), or the passkey. Someone who
 * must have a second factor and has none sets one up here first.
 */
@Route(value = "second-factor", autoLayout = false)
@PermitAll
class SecondFactorView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    final Paragraph notice = new Paragraph();
    final Div ways = new Div();
    final Button usePasskey = new Button();

    private final SignInSettings settings;
    private final AuthenticationContext authentication;

    SecondFactorView(SignInSettings settings, AuthenticationContext authentication) {
        this.settings = settings;
        this.authentication = authentication;
        addClassName("attune-page");
        notice.addClassName("attune-notice");
        notice.setVisible(false);
        usePasskey.setText(getTranslation("signin.second.passkey"));
        usePasskey.setId("passkey-continue");
        usePasskey.addThemeVariants(ButtonVariant.PRIMARY);
        usePasskey.addClickListener(e -> PasskeyCeremonies.signIn(this, this::passkeyOutcome));
        var signOut = new Button(getTranslation("layout.nav.sign-out"), e -> authentication.logout());
        signOut.addThemeVariants(ButtonVariant.TERTIARY);
        add(
                new H1(getTranslation("signin.second.title")),
                notice,
                ways,
                signOut,
                new Paragraph(new Anchor("help", getTranslation("welcome.help-link"))));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var status = settings.current().orElse(null);
        if (status == null || status.complete()) {
            event.forwardTo("");
            return;
        }
        var query = event.getLocation().getQueryParameters().getParameters();
        if (query.containsKey("error")) {
            show("signin.second.error");
        } else if (query.containsKey("paused")) {
            show("signin.second.paused");
        }
        ways.removeAll();
        if (status.authenticatorApp()) {
            ways.add(new CodeForm(
                    getTranslation("signin.second.code"), getTranslation("signin.second.continue"), "start"));
        }
        if (!status.passkeys().isEmpty()) {
            ways.add(new Paragraph(usePasskey));
        }
        if (!status.hasStrongFactor()) {
            ways.add(
                    new Paragraph(getTranslation("signin.second.set-up")),
                    new H2(getTranslation("signin.app.title")),
                    new AuthenticatorAppEnrolment(settings, "start"),
                    new H2(getTranslation("signin.passkey.title")),
                    new Paragraph(getTranslation("signin.passkey.intro")),
                    new PasskeyAdd(() -> ways.add(new Paragraph(usePasskey))));
        }
    }

    private void passkeyOutcome(String outcome) {
        if (!"ok".equals(outcome)) {
            show("signin.passkey." + outcome);
        }
    }

    private void show(String key) {
        notice.setText(getTranslation(key));
        notice.setVisible(true);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("signin.second.page-title");
    }
}
