package org.attune.system;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.assertions.PageAssertions;
import java.util.UUID;
import java.util.regex.Pattern;
import org.attune.infra.local.LocalStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A person's own account in the browser, on the whole stack, with the links read from the mail the stack sent to its
 * catch-all SMTP server: register, verify and sign in; forget the password, reset it, and see a session left open in
 * another browser signed out.
 */
class AccountJourneysIT {

    private static final LocatorAssertions.IsVisibleOptions PATIENTLY =
            new LocatorAssertions.IsVisibleOptions().setTimeout(Browsers.TIMEOUT_MS);
    private static final LocatorAssertions.ContainsTextOptions PATIENT_TEXT =
            new LocatorAssertions.ContainsTextOptions().setTimeout(Browsers.TIMEOUT_MS);
    private static final PageAssertions.HasURLOptions PATIENT_URL =
            new PageAssertions.HasURLOptions().setTimeout(Browsers.TIMEOUT_MS);
    private static final String PASSWORD = "lantern orchard quietly humming";
    private static final String NEW_PASSWORD = "copper kettle under autumn rain";

    static LocalStack stack;
    static Browsers browsers;

    @BeforeAll
    static void start() {
        stack = SystemStack.get();
        browsers = Browsers.launch();
    }

    @AfterAll
    static void stop() {
        browsers.close();
    }

    @Test
    void someoneRegistersOpensTheLinkFromTheMailAndSignsIn() {
        var email = "journey-" + UUID.randomUUID() + "@attune.example";
        var page = browsers.desktop();

        Screens.open(page, stack, "/register");
        page.locator("#register-name input").fill("Robin");
        page.locator("#register-email input").fill(email);
        page.locator("#register-password input").fill(PASSWORD);
        page.locator("#register-submit").click();
        assertThat(page.locator("#register-notice")).containsText("We have sent a mail to " + email, PATIENT_TEXT);
        Browsers.screenshot(page, "register-check-your-mail");

        // Signed in before verifying: only the page that verifies is open.
        Screens.signIn(page, stack, email, PASSWORD);
        Screens.open(page, stack, "/today");
        assertThat(page).hasURL(Pattern.compile(".*/verify-email$"), PATIENT_URL);
        assertThat(page.locator("#verify-message")).containsText("One more step", PATIENT_TEXT);

        var mail = Mailbox.await(stack, email, "Confirm your email");
        assertThat(mail.body()).contains("Hello Robin").contains("24 hours");
        page.navigate(Mailbox.link(mail));
        page.locator("#verify-confirm").click();
        assertThat(page.locator("#verify-message")).containsText("Your email address is confirmed", PATIENT_TEXT);
        Browsers.screenshot(page, "email-verified");
        page.locator("#verify-next").click();
        assertThat(page).hasURL(Pattern.compile(".*/today$"), PATIENT_URL);

        var fresh = browsers.desktop();
        Screens.signIn(fresh, stack, email, PASSWORD);
        Screens.open(fresh, stack, "/today");
        assertThat(fresh).hasURL(Pattern.compile(".*/today$"), PATIENT_URL);
        assertThat(Person.signIn(stack, email, PASSWORD, "CLIENT").id).isNotNull();
    }

    @Test
    void aForgottenPasswordIsResetByMailAndTheSessionInAnotherBrowserIsSignedOut() {
        var person = Person.client(stack);
        var elsewhere = browsers.desktop();
        Screens.signIn(elsewhere, stack, person.email, person.password);
        Screens.open(elsewhere, stack, "/today");
        assertThat(elsewhere).hasURL(Pattern.compile(".*/today$"), PATIENT_URL);

        var page = browsers.desktop();
        Screens.open(page, stack, "/login");
        assertThat(page.locator("#forgot-password-link")).isVisible(PATIENTLY);
        Browsers.screenshot(page, "login-with-forgot-password");
        page.locator("#forgot-password-link").click();
        assertThat(page).hasURL(Pattern.compile(".*/forgot-password$"), PATIENT_URL);
        page.locator("#forgot-email input").fill(person.email);
        page.locator("#forgot-submit").click();
        assertThat(page.locator("#forgot-notice")).containsText("If an account uses this address", PATIENT_TEXT);

        var mail = Mailbox.await(stack, person.email, "Choose a new password");
        assertThat(mail.body()).contains("30 minutes");
        var link = Mailbox.link(mail);
        page.navigate(link);
        page.locator("#reset-password input").fill(NEW_PASSWORD);
        page.locator("#reset-submit").click();
        assertThat(page).hasURL(Pattern.compile(".*/login\\?reset$"), PATIENT_URL);
        assertThat(page.locator("#login-notice")).containsText("new password is set", PATIENT_TEXT);
        Browsers.screenshot(page, "password-reset-sign-in");

        Screens.signIn(page, stack, person.email, NEW_PASSWORD);
        Screens.open(page, stack, "/today");
        assertThat(page).hasURL(Pattern.compile(".*/today$"), PATIENT_URL);

        // The other browser's session ended with the reset: its next request lands on the sign-in page.
        elsewhere.reload();
        assertThat(elsewhere).hasURL(Pattern.compile(".*/login$"), PATIENT_URL);

        // The link worked once.
        page.navigate(link);
        assertThat(page.locator("#reset-invalid")).isVisible(PATIENTLY);
        assertThat(page.locator("#reset-password")).isHidden();
        var oldPassword = Api.postWithBasic(stack.webUiUrl(), "/api/token", person.email, person.password);
        assertThat(oldPassword.status()).isEqualTo(401);
    }
}
