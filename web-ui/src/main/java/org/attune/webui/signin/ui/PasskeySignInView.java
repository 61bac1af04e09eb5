package org.attune.webui.signin.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

/** Signing in with a passkey alone: the browser finds the passkey, no email or password needed. */
@Route(value = "passkey-sign-in", autoLayout = false)
@AnonymousAllowed
class PasskeySignInView extends Main implements HasDynamicTitle {

    final Button signIn = new Button();
    final Paragraph outcome = new Paragraph();

    PasskeySignInView() {
        addClassName("attune-page");
        signIn.setText(getTranslation("signin.passkey.sign-in"));
        signIn.setId("passkey-sign-in");
        signIn.addThemeVariants(ButtonVariant.PRIMARY);
        outcome.setVisible(false);
        outcome.addClassName("attune-notice");
        signIn.addClickListener(e -> PasskeyCeremonies.signIn(this, result -> {
            if (!"ok".equals(result)) {
                outcome.setText(getTranslation("signin.passkey." + result));
                outcome.setVisible(true);
            }
        }));
        add(
                new H1(getTranslation("signin.passkey.sign-in.title")),
                new Paragraph(getTranslation("signin.passkey.sign-in.intro")),
                signIn,
                outcome,
                new Paragraph(new Anchor("login", getTranslation("signin.passkey.back-to-password"))),
                new Paragraph(new Anchor("help", getTranslation("welcome.help-link"))));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("signin.passkey.sign-in.page-title");
    }
}
