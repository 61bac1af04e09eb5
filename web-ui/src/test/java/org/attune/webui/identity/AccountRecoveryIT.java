package org.attune.webui.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.attune.events.Role;
import org.attune.testsupport.AttuneIntegrationTest;
import org.attune.webui.TestHttp;
import org.attune.webui.TestMail;
import org.attune.webui.account.Accounts;
import org.attune.webui.datarights.DataRights;
import org.attune.webui.security.AccountSessions;
import org.attune.webui.security.Caller;
import org.attune.webui.security.SessionEndedException;
import org.attune.webui.token.ServiceTokens;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Verifying an email, recovering and changing a password, and what each does to the account's other sessions and to
 * service tokens, over real HTTP with mail from GreenMail.
 */
@AttuneIntegrationTest(properties = {"attune.data-dir=target/it-data", "attune.throttle.mail-per-address.max=20"})
class AccountRecoveryIT {

    private static final String NEW_PASSWORD = "willow kettle across the meadow";

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    Accounts accounts;

    @Autowired
    UserDetailsService users;

    @Autowired
    Passwords passwords;

    @Autowired
    AccountSessions sessions;

    @Autowired
    ServiceTokens serviceTokens;

    @Autowired
    DataRights dataRights;

    @Autowired
    AccountMail mail;

    @Autowired
    EmailVerification verification;

    TestHttp http;

    @BeforeEach
    void client() {
        http = new TestHttp(port);
    }

    @AfterEach
    void signOutOfTheTestThread() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void anUnverifiedAccountCanSignInButGetsNeitherTokensNorTheApi() {
        var email = TestHttp.email("una");
        http.registerUnverified(email, "Una", "CLIENT");
        TestMail.await(email, "Confirm your email");

        assertThat(http.formLogin(email, TestHttp.STRONG_PASSWORD).headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).doesNotContain("error"));
        var api = http.get("/api/consents");
        var token = http.token(email, TestHttp.STRONG_PASSWORD);

        assertThat(api.statusCode()).isEqualTo(403);
        assertThat(api.body()).contains("confirm your email");
        assertThat(token.statusCode()).isEqualTo(403);
        assertThat(token.body()).doesNotContain("access_token");
    }

    @Test
    void theVerificationLinkWorksOnceAndOpensEverything() {
        var email = TestHttp.email("vic");
        http.registerUnverified(email, "Vic", "CLIENT");
        var link = TestMail.token(TestMail.await(email, "Confirm your email"));
        assertThat(TestMail.body(TestMail.await(email, "Confirm your email")))
                .contains("http://localhost:8080/verify-email?token=")
                .contains("24 hours");

        var first = http.postJson("/api/email-verifications", "{\"token\":\"" + link + "\"}");
        var again = http.postJson("/api/email-verifications", "{\"token\":\"" + link + "\"}");

        assertThat(first.statusCode()).isEqualTo(204);
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(again.body()).contains("expired or was already used");
        assertThat(http.token(email, TestHttp.STRONG_PASSWORD).statusCode()).isEqualTo(200);
        // Only a digest of the link is stored.
        assertThat(mongo.findAll(Document.class, "one_time_tokens").toString()).doesNotContain(link);
    }

    @Test
    void resendingTheLinkMakesTheEarlierOneStopWorking() {
        var email = TestHttp.email("wes");
        http.registerUnverified(email, "Wes", "CLIENT");
        var first = TestMail.token(TestMail.await(email, "Confirm your email"));
        var account = accounts.byEmail(email).orElseThrow();

        verification.resend(UUID.fromString(account.id()), "10.9.9.9");
        var second = TestMail.token(TestMail.await(email, "Confirm your email", 2));

        assertThat(http.postJson("/api/email-verifications", "{\"token\":\"" + first + "\"}")
                        .statusCode())
                .isEqualTo(400);
        assertThat(http.postJson("/api/email-verifications", "{\"token\":\"" + second + "\"}")
                        .statusCode())
                .isEqualTo(204);
    }

    @Test
    void aResetRequestAnswersTheSameForKnownAndUnknownEmailsAndOnlyTheKnownOneGetsMail() {
        var known = TestHttp.email("xan");
        http.register(known, "Xan", "CLIENT");
        var unknown = TestHttp.email("nobody");

        var forKnown = http.postJson("/api/password-reset-requests", "{\"email\":\"" + known.toUpperCase() + "\"}");
        var forUnknown = http.postJson("/api/password-reset-requests", "{\"email\":\"" + unknown + "\"}");

        assertThat(forKnown.statusCode()).isEqualTo(forUnknown.statusCode()).isEqualTo(202);
        assertThat(forKnown.body()).isEqualTo(forUnknown.body());
        var resetMail = TestMail.await(known, "Choose a new password");
        assertThat(TestMail.body(resetMail)).contains("/reset-password?token=").contains("30 minutes");
        await().atMost(Duration.ofSeconds(10)).until(mail::idle);
        assertThat(TestMail.to(unknown)).isEmpty();
    }

    @Test
    void aResetEndsEverySessionAndTheLinkWorksOnce() {
        var email = TestHttp.email("yan");
        http.register(email, "Yan", "CLIENT");
        var elsewhere = new TestHttp(port);
        elsewhere.formLogin(email, TestHttp.STRONG_PASSWORD);
        assertThat(elsewhere.get("/api/csrf").statusCode()).isEqualTo(200);
        http.postJson("/api/password-reset-requests", "{\"email\":\"" + email + "\"}");
        var link = TestMail.token(TestMail.await(email, "Choose a new password"));

        var weak = http.postJson("/api/password-resets", "{\"token\":\"" + link + "\",\"password\":\"password123\"}");
        var reset = http.postJson(
                "/api/password-resets", "{\"token\":\"" + link + "\",\"password\":\"" + NEW_PASSWORD + "\"}");
        var replay = http.postJson(
                "/api/password-resets", "{\"token\":\"" + link + "\",\"password\":\"" + NEW_PASSWORD + " 2\"}");

        assertThat(weak.statusCode()).isEqualTo(400);
        assertThat(weak.body()).contains("password").doesNotContain("password123");
        assertThat(reset.statusCode()).isEqualTo(204);
        assertThat(replay.statusCode()).isEqualTo(400);
        assertThat(elsewhere.get("/api/csrf").statusCode()).isEqualTo(401);
        assertThat(http.token(email, TestHttp.STRONG_PASSWORD).statusCode()).isEqualTo(401);
        assertThat(http.token(email, NEW_PASSWORD).statusCode()).isEqualTo(200);
        TestMail.await(email, "password was changed");
    }

    @Test
    void changingThePasswordKeepsThisSessionAndEndsTheOthersAndTheirServiceTokens() {
        var email = TestHttp.email("zoe");
        var id = UUID.fromString(http.register(email, "Zoe", "CLIENT"));
        var elsewhere = new TestHttp(port);
        elsewhere.formLogin(email, TestHttp.STRONG_PASSWORD);
        var here = signedInHere(email);
        var otherSession = new Caller(id, Role.CLIENT, here.sessionEpoch());

        var outcome = passwords.change(here, TestHttp.STRONG_PASSWORD, NEW_PASSWORD);

        assertThat(outcome).isEqualTo(Passwords.ChangeOutcome.DONE);
        var thisSessionNow = Caller.current().orElseThrow();
        assertThat(sessions.status(thisSessionNow)).isEqualTo(AccountSessions.Status.CURRENT);
        assertThat(serviceTokens.tokenFor(thisSessionNow)).isNotBlank();
        assertThat(sessions.status(otherSession)).isEqualTo(AccountSessions.Status.ENDED);
        assertThatThrownBy(() -> serviceTokens.tokenFor(otherSession)).isInstanceOf(SessionEndedException.class);
        assertThat(elsewhere.get("/api/csrf").statusCode()).isEqualTo(401);
    }

    @Test
    void aWrongCurrentPasswordChangesNothing() {
        var email = TestHttp.email("abe");
        http.register(email, "Abe", "CLIENT");
        var here = signedInHere(email);

        assertThat(passwords.change(here, "not the password", NEW_PASSWORD))
                .isEqualTo(Passwords.ChangeOutcome.WRONG_CURRENT_PASSWORD);
        assertThat(http.token(email, TestHttp.STRONG_PASSWORD).statusCode()).isEqualTo(200);
    }

    @Test
    void erasureEndsTheAccountsSessionsAndItsServiceTokens() {
        var email = TestHttp.email("bo");
        var id = UUID.fromString(http.register(email, "Bo", "CLIENT"));
        var elsewhere = new TestHttp(port);
        elsewhere.formLogin(email, TestHttp.STRONG_PASSWORD);
        var caller = new Caller(id, Role.CLIENT, 0L);

        assertThat(dataRights.erase(caller, TestHttp.STRONG_PASSWORD)).isTrue();

        assertThat(elsewhere.get("/api/csrf").statusCode()).isEqualTo(401);
        assertThatThrownBy(() -> serviceTokens.tokenFor(caller)).isInstanceOf(SessionEndedException.class);
        assertThat(http.token(email, TestHttp.STRONG_PASSWORD).statusCode()).isEqualTo(401);
    }

    @Test
    void sharingByEmailAnswersAlikeForAnUnknownEmailAndOneThatBelongsToNoTherapist() {
        var client = TestHttp.email("dee");
        http.register(client, "Dee", "CLIENT");
        var otherClient = TestHttp.email("eve");
        http.register(otherClient, "Eve", "CLIENT");
        var token = http.accessToken(client);

        var toAClient = http.postJson(
                "/api/consents",
                "{\"therapistEmail\":\"" + otherClient + "\",\"dataClasses\":[\"MOOD_CHECKINS\"]}",
                token);
        var toNobody = http.postJson(
                "/api/consents",
                "{\"therapistEmail\":\"" + TestHttp.email("nobody") + "\",\"dataClasses\":[\"MOOD_CHECKINS\"]}",
                token);

        assertThat(toAClient.statusCode()).isEqualTo(toNobody.statusCode()).isEqualTo(400);
        assertThat(toAClient.body()).isEqualTo(toNobody.body());
    }

    @Test
    void registrationAndResetAnswerAlikeForExistingAndUnknownEmailsWithTimingsReported() throws Exception {
        var existing = TestHttp.email("cat");
        http.register(existing, "Cat", "CLIENT");
        var registerExisting = new ArrayList<Long>();
        var registerUnknown = new ArrayList<Long>();
        var resetExisting = new ArrayList<Long>();
        var resetUnknown = new ArrayList<Long>();
        for (int round = 0; round < 5; round++) {
            var a = timed(registerExisting, () -> register(existing));
            var b = timed(registerUnknown, () -> register(TestHttp.email("new")));
            assertThat(a.statusCode()).isEqualTo(b.statusCode()).isEqualTo(202);
            assertThat(a.body()).isEqualTo(b.body());
        }
        for (int round = 0; round < 5; round++) {
            var a = timed(
                    resetExisting,
                    () -> http.postJson("/api/password-reset-requests", "{\"email\":\"" + existing + "\"}"));
            var b = timed(
                    resetUnknown,
                    () -> http.postJson(
                            "/api/password-reset-requests", "{\"email\":\"" + TestHttp.email("none") + "\"}"));
            assertThat(a.statusCode()).isEqualTo(b.statusCode()).isEqualTo(202);
            assertThat(a.body()).isEqualTo(b.body());
        }
        var figures = List.of(
                "registration, existing email (ms): " + registerExisting,
                "registration, unknown email (ms):  " + registerUnknown,
                "reset request, existing email (ms): " + resetExisting,
                "reset request, unknown email (ms):  " + resetUnknown);
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target/account-answer-timings.txt"), figures);
        figures.forEach(System.out::println);
    }

    private java.net.http.HttpResponse<String> register(String email) {
        return http.postJson(
                "/api/accounts",
                "{\"email\":\"" + email + "\",\"password\":\"" + TestHttp.STRONG_PASSWORD
                        + "\",\"displayName\":\"Cat\",\"role\":\"CLIENT\"}");
    }

    private static java.net.http.HttpResponse<String> timed(
            List<Long> into, java.util.function.Supplier<java.net.http.HttpResponse<String>> call) {
        long started = System.nanoTime();
        var response = call.get();
        into.add(Duration.ofNanos(System.nanoTime() - started).toMillis());
        return response;
    }

    /** This test thread as the person's signed-in session (no HTTP request: the context alone moves on). */
    private Caller signedInHere(String email) {
        var principal = users.loadUserByUsername(email);
        SecurityContextHolder.getContext()
                .setAuthentication(
                        UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
        return Caller.current().orElseThrow();
    }
}
