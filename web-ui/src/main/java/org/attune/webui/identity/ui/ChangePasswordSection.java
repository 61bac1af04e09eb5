package org.attune.webui.identity.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.PasswordField;
import org.attune.kit.web.InvalidRequestException;
import org.attune.webui.identity.Passwords;
import org.attune.webui.security.Caller;

/** "Change your password" on the account page: this session stays signed in, every other one ends. */
public class ChangePasswordSection extends Div {

    final PasswordField current = new PasswordField();
    final PasswordField replacement = new PasswordField();
    final Button submit = new Button();
    final Paragraph notice = new Paragraph();

    private final Passwords passwords;
    private final Caller caller;

    public ChangePasswordSection(Passwords passwords, Caller caller) {
        this.passwords = passwords;
        this.caller = caller;
        current.setLabel(getTranslation("password-change.current"));
        replacement.setLabel(getTranslation("password-change.new"));
        replacement.setHelperText(getTranslation("register.password.helper"));
        submit.setText(getTranslation("password-change.submit"));
        submit.addClickListener(e -> change());
        current.setId("password-change-current");
        replacement.setId("password-change-new");
        submit.setId("password-change-submit");
        notice.setId("password-change-notice");
        notice.addClassName("attune-notice");
        notice.setVisible(false);
        add(
                new H2(getTranslation("password-change.title")),
                new Paragraph(getTranslation("password-change.intro")),
                current,
                replacement,
                submit,
                notice);
    }

    private void change() {
        current.setInvalid(false);
        replacement.setInvalid(false);
        notice.setVisible(false);
        try {
            switch (passwords.change(caller, current.getValue(), replacement.getValue())) {
                case DONE -> {
                    current.clear();
                    replacement.clear();
                    notice.setText(getTranslation("password-change.done"));
                    notice.setVisible(true);
                }
                case WRONG_CURRENT_PASSWORD -> {
                    current.setErrorMessage(getTranslation("password-change.wrong-current"));
                    current.setInvalid(true);
                }
                case THROTTLED -> {
                    notice.setText(getTranslation("account.throttled"));
                    notice.setVisible(true);
                }
            }
        } catch (InvalidRequestException refused) {
            var message = refused.problems().getFirst().message();
            replacement.setErrorMessage(Character.toUpperCase(message.charAt(0)) + message.substring(1));
            replacement.setInvalid(true);
        }
    }
}
