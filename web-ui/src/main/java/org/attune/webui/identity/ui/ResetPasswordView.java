package org.attune.webui.identity.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.attune.kit.web.InvalidRequestException;
import org.attune.webui.identity.Passwords;

/**
 * Where the reset link leads: a new password, checked against the password rules before the link is used up. Once
 * set, every session of the account has ended and the person signs in afresh.
 */
@Route(value = "reset-password", autoLayout = false)
@AnonymousAllowed
class ResetPasswordView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    final PasswordField password = new PasswordField();
    final Button submit = new Button();
    final Paragraph invalid = new Paragraph();
    final Anchor askAgain = new Anchor("forgot-password", "");

    private final Passwords passwords;
    private String token;

    ResetPasswordView(Passwords passwords) {
        this.passwords = passwords;
        addClassName("attune-page");
        password.setLabel(getTranslation("reset.password"));
        password.setHelperText(getTranslation("register.password.helper"));
        password.setWidthFull();
        submit.setText(getTranslation("reset.submit"));
        submit.addThemeVariants(ButtonVariant.PRIMARY);
        submit.addClickListener(e -> reset());
        invalid.setText(getTranslation("reset.invalid"));
        invalid.addClassName("attune-notice");
        password.setId("reset-password");
        submit.setId("reset-submit");
        invalid.setId("reset-invalid");
        askAgain.setText(getTranslation("reset.ask-again"));
        add(
                new H1(getTranslation("reset.title")),
                new Paragraph(getTranslation("reset.intro")),
                password,
                submit,
                invalid,
                new Paragraph(askAgain),
                new Paragraph(new Anchor("help", getTranslation("welcome.help-link"))));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        token = event.getLocation()
                .getQueryParameters()
                .getSingleParameter("token")
                .orElse(null);
        showUsable(passwords.accountOfResetLink(token).isPresent());
    }

    private void reset() {
        password.setInvalid(false);
        try {
            switch (passwords.reset(token, password.getValue())) {
                case DONE -> getUI().ifPresent(ui -> ui.getPage().setLocation("login?reset"));
                case INVALID_LINK -> showUsable(false);
            }
        } catch (InvalidRequestException refused) {
            var message = refused.problems().getFirst().message();
            password.setErrorMessage(Character.toUpperCase(message.charAt(0)) + message.substring(1));
            password.setInvalid(true);
        }
    }

    private void showUsable(boolean usable) {
        password.setVisible(usable);
        submit.setVisible(usable);
        invalid.setVisible(!usable);
        askAgain.setVisible(!usable);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("reset.page-title");
    }
}
