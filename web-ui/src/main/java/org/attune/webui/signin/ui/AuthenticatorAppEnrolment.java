package org.attune.webui.signin.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import org.attune.webui.signin.SignInSettings;

/**
 * Setting up an authenticator app: the key to type in (and the {@code otpauth://} link as text for apps that take
 * one), the ten recovery codes to keep somewhere safe, then the first code from the app to confirm.
 */
class AuthenticatorAppEnrolment extends Div {

    final Button start = new Button();
    final Span manualKey = new Span();
    final Span uri = new Span();
    final UnorderedList recoveryCodes = new UnorderedList();
    final Paragraph refused = new Paragraph();
    private final Div steps = new Div();

    AuthenticatorAppEnrolment(SignInSettings settings, String then) {
        start.setText(getTranslation("signin.app.start"));
        start.setId("authenticator-app-start");
        manualKey.setId("totp-key");
        uri.setId("totp-uri");
        recoveryCodes.setId("recovery-codes");
        refused.setVisible(false);
        steps.setVisible(false);
        start.addClickListener(e -> settings.startAuthenticatorApp()
                .ifPresentOrElse(
                        setup -> {
                            manualKey.setText(setup.manualKey());
                            uri.setText(setup.otpauthUri());
                            recoveryCodes.removeAll();
                            setup.recoveryCodes().forEach(code -> recoveryCodes.add(new ListItem(code)));
                            steps.setVisible(true);
                            start.setVisible(false);
                        },
                        () -> {
                            refused.setText(getTranslation("signin.app.refused"));
                            refused.setVisible(true);
                        }));
        var key = new Paragraph(new Span(getTranslation("signin.app.key") + " "), manualKey);
        var link = new Paragraph(new Span(getTranslation("signin.app.uri") + " "), uri);
        link.addClassName("attune-small");
        steps.add(
                new Paragraph(getTranslation("signin.app.step-1")),
                key,
                link,
                new Paragraph(getTranslation("signin.app.step-2")),
                recoveryCodes,
                new CodeForm(getTranslation("signin.app.step-3"), getTranslation("signin.app.confirm"), then));
        add(start, refused, steps);
    }
}
