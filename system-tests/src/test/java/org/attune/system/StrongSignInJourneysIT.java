package org.attune.system;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.attune.infra.local.LocalStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Strong sign-in in headless Debian Chromium on the whole stack: a therapist adds a passkey with Chromium's virtual
 * authenticator (CDP {@code WebAuthn.addVirtualAuthenticator}) and signs in with it alone; a therapist sets up an
 * authenticator app (the code computed here, RFC 6238) and signs in with password and code; a recovery code works
 * once; an operator verifies a waiting therapist on the operator desk, and only then can a client share with them.
 */
class StrongSignInJourneysIT {

    private static final LocatorAssertions.IsVisibleOptions PATIENTLY =
            new LocatorAssertions.IsVisibleOptions().setTimeout(Browsers.TIMEOUT_MS);

    private static LocalStack stack;
    private static Browsers browsers;

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
    void aTherapistAddsAPasskeyWithTheVirtualAuthenticatorAndSignsInWithItAlone() {
        var therapist = Person.therapist(stack);
        var page = browsers.desktop();
        var cdp = page.context().newCDPSession(page);
        cdp.send("WebAuthn.enable");
        var options = new JsonObject();
        options.addProperty("protocol", "ctap2");
        options.addProperty("transport", "internal");
        options.addProperty("hasResidentKey", true);
        options.addProperty("hasUserVerification", true);
        options.addProperty("isUserVerified", true);
        options.addProperty("automaticPresenceSimulation", true);
        var authenticator = new JsonObject();
        authenticator.add("options", options);
        cdp.send("WebAuthn.addVirtualAuthenticator", authenticator);

        Screens.signIn(page, stack, therapist.email, therapist.password);
        Screens.open(page, stack, "/sign-in-security");
        page.locator("#passkey-add").click();
        assertThat(page.locator("#passkey-add-outcome"))
                .hasText("Your passkey is saved. You can sign in with it from now on.");
        assertThat(page.locator("#passkey-list")).containsText("This device");
        Browsers.screenshot(page, "sign-in-security-with-passkey");

        page.context().clearCookies();
        Screens.open(page, stack, "/passkey-sign-in");
        page.locator("#passkey-sign-in").click();
        page.waitForURL(url -> !url.contains("passkey-sign-in"));
        Screens.open(page, stack, "/sign-in-security");
        assertThat(page.locator("h1")).hasText("How you sign in");
        assertThat(page.locator("#passkey-list")).containsText("This device");
    }

    @Test
    void aTherapistSetsUpAnAuthenticatorAppSignsInWithACodeAndARecoveryCodeWorksOnce() {
        var therapist = Person.therapist(stack);
        var page = browsers.desktop();
        Screens.signIn(page, stack, therapist.email, therapist.password);
        Screens.open(page, stack, "/sign-in-security");
        page.locator("#authenticator-app-start").click();
        assertThat(page.locator("#totp-key")).isVisible(PATIENTLY);
        var secret = page.locator("#totp-key").textContent().replace(" ", "");
        assertThat(page.locator("#totp-uri")).containsText("otpauth://totp/Attune:");
        List<String> recoveryCodes = page.locator("#recovery-codes li").allTextContents();
        assertThat(recoveryCodes).hasSize(10);
        Browsers.screenshot(page, "authenticator-app-setup");
        long step = Instant.now().getEpochSecond() / 30;
        submitCode(page, code(secret, step));
        page.waitForURL(url -> url.contains("sign-in-security?confirmed"));
        assertThat(page.locator("#authenticator-app-state")).containsText("Recovery codes left: 10");

        // A new sign-in: the password, then the next code (the one just used would be a replay).
        page.context().clearCookies();
        Screens.signIn(page, stack, therapist.email, therapist.password);
        assertThat(page.locator("#second-factor-code")).isVisible(PATIENTLY);
        Browsers.screenshot(page, "second-factor");
        submitCode(page, code(secret, Math.max(step, Instant.now().getEpochSecond() / 30) + 1));
        page.waitForURL(url -> !url.contains("second-factor"));
        Screens.open(page, stack, "/sign-in-security");
        assertThat(page.locator("#authenticator-app-state")).containsText("Recovery codes left: 10");

        page.context().clearCookies();
        Screens.signIn(page, stack, therapist.email, therapist.password);
        submitCode(page, recoveryCodes.get(4));
        page.waitForURL(url -> !url.contains("second-factor"));
        Screens.open(page, stack, "/sign-in-security");
        assertThat(page.locator("#authenticator-app-state")).containsText("Recovery codes left: 9");

        page.context().clearCookies();
        Screens.signIn(page, stack, therapist.email, therapist.password);
        submitCode(page, recoveryCodes.get(4));
        page.waitForURL(url -> url.contains("second-factor?error"));
        assertThat(page.locator(".attune-notice")).containsText("That code didn't work.");
        Screens.open(page, stack, "/clients");
        assertThat(page.locator("#second-factor-code")).isVisible(PATIENTLY);
    }

    @Test
    void anOperatorVerifiesAWaitingTherapistOnTheDeskAndOnlyThenCanAClientShareWithThem() {
        var therapist = Person.waitingTherapist(stack);
        var client = Person.client(stack);
        var share = Map.of("therapistEmail", therapist.email, "dataClasses", List.of("MOOD_CHECKINS"));

        var refused = Api.post(stack.webUiUrl(), "/api/consents", client.token(), share);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body())
                .contains("We couldn't share with that address. Ask your therapist for an invitation link.");

        var page = browsers.desktop();
        Screens.signIn(page, stack, Operator.EMAIL, Operator.PASSWORD);
        Screens.open(page, stack, "/operator");
        var row = page.locator("#waiting-therapists .attune-card")
                .filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText(therapist.email));
        assertThat(row).isVisible(PATIENTLY);
        Browsers.screenshot(page, "operator-desk");
        row.locator("vaadin-button").first().click();
        assertThat(row).hasCount(0);
        assertThat(page.locator("#operator-audit")).containsText(therapist.id.toString());

        var shared = Api.post(stack.webUiUrl(), "/api/consents", client.token(), share);
        assertThat(shared.status()).as(shared.body()).isEqualTo(201);
        var operatorToken = Api.postWithBasic(stack.webUiUrl(), "/api/token", Operator.EMAIL, Operator.PASSWORD);
        assertThat(operatorToken.status()).isEqualTo(403);
    }

    /** Posts the code and waits for the answer to it (the page may already be at the URL the answer leads to). */
    private static void submitCode(Page page, String code) {
        page.locator("#second-factor-code").fill(code);
        page.waitForResponse(
                response -> response.url().contains("/login/second-factor"),
                () -> page.locator("#second-factor-submit").click());
        page.waitForLoadState();
    }

    /** RFC 6238 as an authenticator app computes it: HMAC-SHA1 over the 30-second step, six digits. */
    static String code(String base32Secret, long step) {
        try {
            var mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(base32(base32Secret), "HmacSHA1"));
            var hash = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
            int offset = hash[hash.length - 1] & 0x0f;
            int binary = ((hash[offset] & 0x7f) << 24)
                    | ((hash[offset + 1] & 0xff) << 16)
                    | ((hash[offset + 2] & 0xff) << 8)
                    | (hash[offset + 3] & 0xff);
            return String.format(Locale.ROOT, "%06d", binary % 1_000_000);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] base32(String text) {
        var alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var out = new java.io.ByteArrayOutputStream();
        int buffer = 0;
        int bits = 0;
        for (char c : text.toCharArray()) {
            buffer = (buffer << 5) | alphabet.indexOf(c);
            bits += 5;
            if (bits >= 8) {
                out.write((buffer >> (bits - 8)) & 0xff);
                bits -= 8;
            }
        }
        return out.toByteArray();
    }
}
