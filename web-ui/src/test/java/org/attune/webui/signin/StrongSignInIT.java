package org.attune.webui.signin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.attune.testsupport.AttuneIntegrationTest;
import org.attune.webui.TestHttp;
import org.attune.webui.VerifiedTherapists;
import org.attune.webui.account.Accounts;
import org.attune.webui.account.TherapistVerifications;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The second factor over real HTTP, with the default that therapists need one: a password alone signs a therapist in
 * as nobody (no API, no token) until a code from the authenticator app completes the sign-in; codes and recovery
 * codes work once; wrong codes pause the account.
 */
@AttuneIntegrationTest(properties = {"attune.data-dir=target/it-data", "attune.sign-in.therapist-mfa-required=true"})
class StrongSignInIT {

    @LocalServerPort
    int port;

    @Autowired
    SecondFactors secondFactors;

    @Autowired
    TherapistVerifications verifications;

    @Autowired
    Accounts accounts;

    private String therapist(TestHttp http, String email) {
        // A therapist's password alone gets no token here (a second factor is required), so the id comes from the
        // store.
        http.registerUnverified(email, "Dr. Mfa", "THERAPIST");
        http.verifyEmail(email);
        var id = accounts.byEmail(email).orElseThrow().id();
        verifications.recordVerified(id, VerifiedTherapists.REGISTRATION);
        return id;
    }

    private static String secretOf(SecondFactors.TotpSetup setup) {
        return setup.manualKey().replace(" ", "");
    }

    private static HttpResponse<String> code(TestHttp http, String code) {
        var csrf = TestHttp.json(http.get("/api/csrf"));
        return http.send(http.request("/login/second-factor")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header(csrf.get("headerName").asString(), csrf.get("token").asString())
                .POST(HttpRequest.BodyPublishers.ofString("code=" + URLEncoder.encode(code, StandardCharsets.UTF_8)))
                .build());
    }

    private static String location(HttpResponse<String> response) {
        return response.headers().firstValue("Location").orElse("");
    }

    @Test
    void aTherapistWithAPasswordAloneIsNobodyUntilTheCodeFromTheirAppCompletesTheSignIn() {
        var http = new TestHttp(port);
        var email = TestHttp.email("tara");
        var id = therapist(http, email);

        http.formLogin(email, TestHttp.STRONG_PASSWORD);
        assertThat(http.get("/api/consents").statusCode()).isEqualTo(403);
        assertThat(http.token(email, TestHttp.STRONG_PASSWORD).statusCode()).isEqualTo(403);
        var sessionBefore = http.sessionId();

        var setup = secondFactors.startEnrolment(UUID.fromString(id), email);
        assertThat(setup.recoveryCodes()).hasSize(10).doesNotHaveDuplicates();
        var answer = code(http, Totp.code(secretOf(setup), Totp.step(Instant.now())));

        assertThat(location(answer)).endsWith("/");
        assertThat(http.sessionId()).isNotEqualTo(sessionBefore);
        assertThat(http.get("/api/consents").statusCode()).isEqualTo(200);
        assertThat(secondFactors.hasAuthenticatorApp(UUID.fromString(id))).isTrue();
        // Tokens are for API clients, which have no second step: a password alone still gets none.
        assertThat(http.token(email, TestHttp.STRONG_PASSWORD).statusCode()).isEqualTo(403);
    }

    @Test
    void aCodeWorksOnceAndSoDoesEachRecoveryCode() {
        var setupHttp = new TestHttp(port);
        var email = TestHttp.email("uma");
        var id = therapist(setupHttp, email);
        setupHttp.formLogin(email, TestHttp.STRONG_PASSWORD);
        var setup = secondFactors.startEnrolment(UUID.fromString(id), email);
        var firstCode = Totp.code(secretOf(setup), Totp.step(Instant.now()));
        assertThat(location(code(setupHttp, firstCode))).endsWith("/");

        var replay = new TestHttp(port);
        replay.formLogin(email, TestHttp.STRONG_PASSWORD);
        assertThat(location(code(replay, firstCode))).endsWith("/second-factor?error");
        assertThat(replay.get("/api/consents").statusCode()).isEqualTo(403);

        var recovery = setup.recoveryCodes().get(3);
        var first = new TestHttp(port);
        first.formLogin(email, TestHttp.STRONG_PASSWORD);
        assertThat(location(code(first, recovery.toLowerCase()))).endsWith("/");
        assertThat(first.get("/api/consents").statusCode()).isEqualTo(200);
        assertThat(secondFactors.recoveryCodesLeft(UUID.fromString(id))).isEqualTo(9);

        var again = new TestHttp(port);
        again.formLogin(email, TestHttp.STRONG_PASSWORD);
        assertThat(location(code(again, recovery))).endsWith("/second-factor?error");
        assertThat(again.get("/api/consents").statusCode()).isEqualTo(403);
    }

    @Test
    void afterFiveWrongCodesEvenTheRightOneWaitsForTheWindowToPass() {
        var http = new TestHttp(port);
        var email = TestHttp.email("vic");
        var id = therapist(http, email);
        http.formLogin(email, TestHttp.STRONG_PASSWORD);
        var setup = secondFactors.startEnrolment(UUID.fromString(id), email);
        assertThat(location(code(http, Totp.code(secretOf(setup), Totp.step(Instant.now())))))
                .endsWith("/");

        var guesser = new TestHttp(port);
        guesser.formLogin(email, TestHttp.STRONG_PASSWORD);
        for (int i = 0; i < SecondFactors.MAX_FAILURES; i++) {
            assertThat(location(code(guesser, "00000" + i))).endsWith("/second-factor?error");
        }

        var right = setup.recoveryCodes().getFirst();
        assertThat(location(code(guesser, right))).endsWith("/second-factor?paused");
        assertThat(guesser.get("/api/consents").statusCode()).isEqualTo(403);
        assertThat(secondFactors.recoveryCodesLeft(UUID.fromString(id))).isEqualTo(10);
    }

    @Test
    void aClientWithoutAnAuthenticatorAppSignsInWithTheirPasswordAndOneWithItNeedsTheCode() {
        var http = new TestHttp(port);
        var email = TestHttp.email("wren");
        var id = http.register(email, "Wren", "CLIENT");

        http.formLogin(email, TestHttp.STRONG_PASSWORD);
        assertThat(http.get("/api/consents").statusCode()).isEqualTo(200);
        assertThat(http.token(email, TestHttp.STRONG_PASSWORD).statusCode()).isEqualTo(200);

        var setup = secondFactors.startEnrolment(UUID.fromString(id), email);
        assertThat(location(code(http, Totp.code(secretOf(setup), Totp.step(Instant.now())))))
                .endsWith("/");

        var later = new TestHttp(port);
        later.formLogin(email, TestHttp.STRONG_PASSWORD);
        assertThat(later.get("/api/consents").statusCode()).isEqualTo(403);
        assertThat(later.token(email, TestHttp.STRONG_PASSWORD).statusCode()).isEqualTo(403);
    }

    @Test
    void aCodeAloneSignsNobodyIn() {
        var http = new TestHttp(port);
        http.get("/login");

        var answer = http.send(http.request("/login/second-factor")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("code=123456"))
                .build());

        assertThat(location(answer)).doesNotEndWith("/");
        assertThat(http.get("/api/consents").statusCode()).isEqualTo(401);
    }
}
