package org.attune.webui.security.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

/**
 * Sign-in form; Spring Security handles the POST to {@code /login} (see {@code SecurityConfig}). "Forgot password"
 * leads to the page that mails a reset link.
 */
@Route(value = "login", autoLayout = false)
@AnonymousAllowed
class LoginView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    final LoginForm form = new LoginForm();
    final Paragraph notice = new Paragraph();
    final Anchor forgotPassword = new Anchor("forgot-password", "");
    /** The texts the form shows now (LoginForm does not expose them). */
    LoginI18n shown;

    LoginView() {
        addClassName("attune-page");
        form.setAction("login");
        // A plain link below the form instead of the form's own button: it works without script and reads as a link.
        form.setForgotPasswordButtonVisible(false);
        form.setI18n(i18n());
        forgotPassword.setId("forgot-password-link");
        forgotPassword.setText(getTranslation("login.forgot-password"));

        var help = new Anchor("help", getTranslation("welcome.help-link"));
        help.addClassName("attune-help-link");

        var passkey = new Anchor("passkey-sign-in", getTranslation("login.link.passkey"));
        passkey.setId("passkey-sign-in-link");
        add(
                form,
                new Paragraph(passkey),
                new Paragraph(forgotPassword),
                notice,
                new Paragraph(new Anchor("register", getTranslation("login.link.register"))),
                new Paragraph(help));
        notice.setVisible(false);
        notice.addClassName("attune-notice");
        notice.setId("login-notice");
    }

    private LoginI18n i18n() {
        var i18n = LoginI18n.createDefault();
        var texts = new LoginI18n.Form();
        texts.setTitle(getTranslation("login.form.title"));
        texts.setUsername(getTranslation("login.form.username"));
        texts.setPassword(getTranslation("login.form.password"));
        texts.setSubmit(getTranslation("login.form.submit"));
        texts.setForgotPassword(getTranslation("login.form.forgot-password"));
        i18n.setForm(texts);
        var error = new LoginI18n.ErrorMessage();
        error.setTitle(getTranslation("login.error.title"));
        error.setMessage(getTranslation("login.error.message"));
        i18n.setErrorMessage(error);
        return i18n;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var parameters = event.getLocation().getQueryParameters().getParameters();
        var i18n = i18n();
        if (parameters.containsKey("throttled")) {
            var error = new LoginI18n.ErrorMessage();
            error.setTitle(getTranslation("login.throttled.title"));
            error.setMessage(getTranslation("login.throttled.message"));
            i18n.setErrorMessage(error);
        }
        form.setI18n(i18n);
        shown = i18n;
        form.setError(parameters.containsKey("error") || parameters.containsKey("throttled"));
        if (parameters.containsKey("reset")) {
            notice.setText(getTranslation("login.password-reset"));
            notice.setVisible(true);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("login.page-title");
    }
}
