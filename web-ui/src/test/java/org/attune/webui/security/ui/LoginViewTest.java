package org.attune.webui.security.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.QueryParameters;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Configuration;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

/** The sign-in view's messages, rendered without a browser; it needs no beans. */
@SpringJUnitConfig(LoginViewTest.NoBeans.class)
@ViewPackages(classes = LoginView.class)
class LoginViewTest extends SpringBrowserlessTest {

    @Configuration(proxyBeanMethods = false)
    static class NoBeans {}

    private LoginView open(String parameter) {
        UI.getCurrent().navigate("login", QueryParameters.of(parameter, ""));
        return (LoginView) getCurrentView();
    }

    @Test
    void aFailedSignInShowsAKindMessage() {
        var view = open("error");

        assertThat(view.form.isError()).isTrue();
        assertThat(view.shown.getErrorMessage().getMessage())
                .isEqualTo("The username or password did not match. Please check them and try again.");
    }

    @Test
    void tooManyAttemptsSayWhyAndForHowLong() {
        var view = open("throttled");

        assertThat(view.form.isError()).isTrue();
        assertThat(view.shown.getErrorMessage().getTitle()).isEqualTo("Let's pause for a moment");
        assertThat(view.shown.getErrorMessage().getMessage()).contains("15 minutes");
    }

    @Test
    void aFreshVisitShowsNoError() {
        var view = navigate(LoginView.class);

        assertThat(view.form.isError()).isFalse();
        assertThat(view.notice.isVisible()).isFalse();
    }

    @Test
    void forgotPasswordIsOfferedOnTheForm() {
        var view = navigate(LoginView.class);

        assertThat(view.forgotPassword.isVisible()).isTrue();
        assertThat(view.forgotPassword.getHref()).isEqualTo("forgot-password");
        assertThat(view.forgotPassword.getText()).isEqualTo("Forgot your password?");
    }

    @Test
    void afterAResetTheViewSaysOtherSessionsWereSignedOut() {
        var view = open("reset");

        assertThat(view.notice.isVisible()).isTrue();
        assertThat(view.notice.getText()).contains("new password is set").contains("signed out");
    }
}
