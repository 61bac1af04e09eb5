package org.attune.webui.identity.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import org.attune.events.Role;
import org.attune.testsupport.AttuneIntegrationTest;
import org.attune.webui.TestHttp;
import org.attune.webui.TestMail;
import org.attune.webui.account.Accounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Registration through the view, without a browser, against the real store. */
@AttuneIntegrationTest(properties = {"attune.data-dir=target/it-data"})
@ViewPackages(classes = RegisterView.class)
class RegisterViewIT extends SpringBrowserlessTest {

    @Autowired
    Accounts accounts;

    @Test
    void registeringCreatesAnUnverifiedAccountAndSaysAMailIsOnItsWay() {
        var view = navigate(RegisterView.class);
        var email = TestHttp.email("Ola");

        test(view.displayName).setValue("Ola");
        test(view.email).setValue(email);
        test(view.password).setValue(TestHttp.STRONG_PASSWORD);
        test(view.role).selectItem("A therapist");
        test(view.professional.body).setValue("Health and Care Professions Council");
        test(view.professional.number).setValue("PYL12345");
        test(view.professional.country).selectItem("United Kingdom");
        test(view.submit).click();

        assertThat(view.notice.isVisible()).isTrue();
        assertThat(view.notice.getText()).contains("We have sent a mail to " + email.toLowerCase());
        TestMail.await(email.toLowerCase(), "Confirm your email");
        var account = accounts.byEmail(email).orElseThrow();
        assertThat(account.displayName()).isEqualTo("Ola");
        assertThat(account.role()).isEqualTo(Role.THERAPIST);
        assertThat(account.emailVerified()).isFalse();
        assertThat(view.email.isInvalid()).isFalse();
    }

    @Test
    void aGuessablePasswordIsExplainedNextToTheField() {
        var view = navigate(RegisterView.class);
        var email = TestHttp.email("pia");

        test(view.displayName).setValue("Pia");
        test(view.email).setValue(email);
        test(view.password).setValue("password123");
        test(view.submit).click();

        assertThat(view.password.isInvalid()).isTrue();
        assertThat(view.password.getErrorMessage()).contains("too easy to guess");
        assertThat(accounts.byEmail(email)).isEmpty();
    }

    @Test
    void anEmailThatIsTakenGetsTheSameAnswerAndItsOwnerANote() {
        var email = TestHttp.email("quinn");
        accounts.register(email, TestHttp.STRONG_PASSWORD, "Quinn", Role.CLIENT);
        var view = navigate(RegisterView.class);

        test(view.displayName).setValue("Someone else");
        test(view.email).setValue(email.toUpperCase());
        test(view.password).setValue(TestHttp.STRONG_PASSWORD + " again");
        test(view.submit).click();

        assertThat(view.email.isInvalid()).isFalse();
        assertThat(view.notice.getText()).contains("We have sent a mail to " + email.toLowerCase());
        TestMail.await(email.toLowerCase(), "Someone tried to create");
        assertThat(accounts.byEmail(email).orElseThrow().displayName()).isEqualTo("Quinn");
    }
}
