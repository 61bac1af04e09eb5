package org.attune.webui.identity.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.attune.kit.web.InvalidRequestException;
import org.attune.webui.account.Accounts;
import org.attune.webui.identity.Passwords;
import org.attune.webui.identity.ThrottledException;

/** "Forgot password": asks for the email and answers the same whether or not it has an account. */
@Route(value = "forgot-password", autoLayout = false)
@AnonymousAllowed
class ForgotPasswordView extends Main implements HasDynamicTitle {

    final EmailField email = new EmailField();
    final Button submit = new Button();
    final Paragraph notice = new Paragraph();

    private final Passwords passwords;

    ForgotPasswordView(Passwords passwords) {
        this.passwords = passwords;
        addClassName("attune-page");
        email.setLabel(getTranslation("forgot.email"));
        email.setMaxLength(Accounts.MAX_EMAIL_LENGTH);
        email.setWidthFull();
        submit.setText(getTranslation("forgot.submit"));
        submit.addThemeVariants(ButtonVariant.PRIMARY);
        submit.addClickListener(e -> send());
        email.setId("forgot-email");
        submit.setId("forgot-submit");
        notice.setId("forgot-notice");
        notice.addClassName("attune-notice");
        notice.setVisible(false);
        add(
                new H1(getTranslation("forgot.title")),
                new Paragraph(getTranslation("forgot.intro")),
                email,
                submit,
                notice,
                new Paragraph(new Anchor("login", getTranslation("forgot.back"))),
                new Paragraph(new Anchor("help", getTranslation("welcome.help-link"))));
    }

    private void send() {
        email.setInvalid(false);
        try {
            passwords.requestReset(email.getValue(), ClientAddress.of());
            notice.setText(getTranslation("forgot.sent"));
        } catch (ThrottledException throttled) {
            notice.setText(getTranslation("account.throttled"));
        } catch (InvalidRequestException invalid) {
            email.setErrorMessage(getTranslation("forgot.email") + " "
                    + invalid.problems().getFirst().message());
            email.setInvalid(true);
            notice.setVisible(false);
            return;
        }
        notice.setVisible(true);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("forgot.page-title");
    }
}
