package org.attune.webui.signin.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.UnorderedList;
import org.attune.webui.signin.SignInSettings;

/** The authenticator app: set it up (optional for clients), get new recovery codes, or remove it. */
class AuthenticatorAppSection extends Section {

    final Paragraph state = new Paragraph();
    final Button newCodes = new Button();
    final Button remove = new Button();
    final UnorderedList codes = new UnorderedList();
    private final Div body = new Div();
    private final SignInSettings settings;

    AuthenticatorAppSection(SignInSettings settings) {
        this.settings = settings;
        setId("authenticator-app");
        state.setId("authenticator-app-state");
        codes.setId("new-recovery-codes");
        newCodes.setText(getTranslation("signin.app.new-codes"));
        newCodes.addClickListener(e -> {
            codes.removeAll();
            settings.newRecoveryCodes().forEach(code -> codes.add(new ListItem(code)));
            refreshState();
        });
        remove.setText(getTranslation("signin.app.remove"));
        remove.addClickListener(e -> {
            settings.removeAuthenticatorApp();
            refresh();
        });
        add(new H2(getTranslation("signin.app.title")), state, body);
    }

    void refresh() {
        body.removeAll();
        codes.removeAll();
        var status = settings.current().orElse(null);
        if (status == null) {
            return;
        }
        refreshState();
        if (status.authenticatorApp()) {
            body.add(newCodes, codes, remove);
        } else {
            body.add(new AuthenticatorAppEnrolment(settings, "security"));
        }
    }

    private void refreshState() {
        settings.current()
                .ifPresent(status -> state.setText(
                        status.authenticatorApp()
                                ? getTranslation("signin.app.on", status.recoveryCodesLeft())
                                : getTranslation(
                                        status.secondFactorRequired() ? "signin.app.off-required" : "signin.app.off")));
    }
}
