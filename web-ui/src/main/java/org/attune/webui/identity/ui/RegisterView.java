package org.attune.webui.identity.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.shared.HasValidationProperties;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.List;
import org.attune.events.Role;
import org.attune.kit.web.InvalidRequestException;
import org.attune.webui.account.Accounts;
import org.attune.webui.identity.Registration;
import org.attune.webui.identity.ThrottledException;

/**
 * Registration: name, email, password and role; field problems are shown next to each field. Once accepted, the form
 * gives way to "we have sent you a mail", the same words whether or not the email already had an account.
 */
@Route(value = "register", autoLayout = false)
@AnonymousAllowed
class RegisterView extends Main implements HasDynamicTitle {

    final TextField displayName = new TextField();
    final EmailField email = new EmailField();
    final PasswordField password = new PasswordField();
    final RadioButtonGroup<Role> role = new RadioButtonGroup<>();
    final ProfessionalRegistrationFields professional = new ProfessionalRegistrationFields();
    final Button submit = new Button();
    final Paragraph notice = new Paragraph();

    private final Registration registration;
    private final Div form;

    RegisterView(Registration registration) {
        this.registration = registration;
        addClassName("attune-page");
        displayName.setLabel(getTranslation("register.display-name"));
        displayName.setMaxLength(Accounts.MAX_NAME_LENGTH);
        email.setLabel(getTranslation("register.email"));
        password.setLabel(getTranslation("register.password"));
        password.setHelperText(getTranslation("register.password.helper"));
        role.setLabel(getTranslation("register.role"));
        role.setItems(Role.CLIENT, Role.THERAPIST);
        role.setItemLabelGenerator(r -> getTranslation("register.role." + r.name()));
        role.setValue(Role.CLIENT);
        professional.setVisible(false);
        role.addValueChangeListener(e -> professional.setVisible(e.getValue() == Role.THERAPIST));
        submit.setText(getTranslation("register.submit"));
        submit.addThemeVariants(ButtonVariant.PRIMARY);
        submit.addClickListener(e -> register());

        for (var field : List.of(displayName, email, password)) {
            field.setWidthFull();
        }
        displayName.setId("register-name");
        email.setId("register-email");
        password.setId("register-password");
        submit.setId("register-submit");
        notice.setId("register-notice");
        notice.addClassName("attune-notice");
        notice.setVisible(false);
        form = new Div(
                new Paragraph(getTranslation("register.intro")),
                displayName,
                email,
                password,
                role,
                professional,
                submit);
        add(
                new H1(getTranslation("register.title")),
                form,
                notice,
                new Paragraph(new Anchor("login", getTranslation("register.have-account"))),
                new Paragraph(new Anchor("help", getTranslation("welcome.help-link"))));
    }

    private void register() {
        for (HasValidationProperties field : List.of(displayName, email, password)) {
            field.setInvalid(false);
        }
        role.setInvalid(false);
        professional.clearProblems();
        notice.setVisible(false);
        try {
            registration.register(
                    email.getValue(),
                    password.getValue(),
                    displayName.getValue(),
                    role.getValue(),
                    role.getValue() == Role.THERAPIST ? professional.value() : null,
                    ClientAddress.of());
            notice.setText(getTranslation("register.check-mail", Accounts.normalise(email.getValue())));
            notice.setVisible(true);
            form.setVisible(false);
        } catch (ThrottledException throttled) {
            notice.setText(getTranslation("account.throttled"));
            notice.setVisible(true);
        } catch (InvalidRequestException invalid) {
            for (var problem : invalid.problems()) {
                switch (problem.field()) {
                    case "email" -> show(email, problem.message());
                    case "displayName" -> show(displayName, problem.message());
                    case "password" -> show(password, problem.message());
                    case String field
                    when field.startsWith("professionalRegistration") ->
                        professional.show(field, capitalise(problem.message()));
                    default -> {
                        role.setErrorMessage(problem.message());
                        role.setInvalid(true);
                    }
                }
            }
        }
    }

    private static void show(HasValidationProperties field, String message) {
        field.setErrorMessage(capitalise(message));
        field.setInvalid(true);
    }

    private static String capitalise(String message) {
        return message.isEmpty() ? message : Character.toUpperCase(message.charAt(0)) + message.substring(1);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("register.page-title");
    }
}
