package org.attune.webui.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import org.attune.testsupport.AttuneIntegrationTest;
import org.attune.webui.TestHttp;
import org.attune.webui.TestMail;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/** Registration, sign-in, throttling, CSRF and headers, over real HTTP against the running application. */
@AttuneIntegrationTest(properties = {"attune.data-dir=target/it-data", "attune.throttle.sign-in-per-account.max=3"})
class SecurityIT {

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    TestHttp http;

    @BeforeEach
    void client() {
        http = new TestHttp(port);
    }

    @Test
    void registrationAnswers202AndStoresAnUnverifiedAccountWithAnArgon2Hash() {
        var email = TestHttp.email("Ann");
        var response = http.postJson(
                "/api/accounts",
                "{\"email\":\"" + email + "\",\"password\":\"" + TestHttp.STRONG_PASSWORD
                        + "\",\"displayName\":\"Ann\",\"role\":\"CLIENT\"}");

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(response.body()).doesNotContain("\"id\"");
        TestMail.await(email.toLowerCase(), "Confirm your email");
        var stored =
                mongo.findOne(Query.query(Criteria.where("email").is(email.toLowerCase())), Document.class, "accounts");
        assertThat(stored).isNotNull();
        assertThat(stored.getString("passwordHash")).startsWith("$argon2id$").doesNotContain(TestHttp.STRONG_PASSWORD);
        assertThat(stored.get("emailVerifiedAt")).isNull();
    }

    @Test
    void theSameEmailInAnotherCaseAnswersLikeANewOneAndTheOwnerIsTold() {
        var email = TestHttp.email("bea");
        http.register(email, "Bea", "CLIENT");
        var fresh = TestHttp.email("bea-new");

        var again = http.postJson(
                "/api/accounts",
                "{\"email\":\"" + email.toUpperCase() + "\",\"password\":\"" + TestHttp.STRONG_PASSWORD
                        + "\",\"displayName\":\"Someone\",\"role\":\"THERAPIST\",\"professionalRegistration\":"
                        + "{\"body\":\"Board\",\"number\":\"1\",\"country\":\"GB\"}}");
        var brandNew = http.postJson(
                "/api/accounts",
                "{\"email\":\"" + fresh + "\",\"password\":\"" + TestHttp.STRONG_PASSWORD
                        + "\",\"displayName\":\"Someone\",\"role\":\"THERAPIST\",\"professionalRegistration\":"
                        + "{\"body\":\"Board\",\"number\":\"1\",\"country\":\"GB\"}}");

        assertThat(again.statusCode()).isEqualTo(brandNew.statusCode()).isEqualTo(202);
        assertThat(again.body()).isEqualTo(brandNew.body());
        assertThat(again.headers().firstValue("Content-Type"))
                .isEqualTo(brandNew.headers().firstValue("Content-Type"));
        var note = TestMail.await(email, "Someone tried to create");
        assertThat(TestMail.body(note)).doesNotContain("Someone").contains("/forgot-password");
        TestMail.await(fresh, "Confirm your email");
    }

    @Test
    void aWeakPasswordAndAMissingNameAreListedAsFieldErrors() {
        var response = http.postJson(
                "/api/accounts",
                "{\"email\":\"" + TestHttp.email("cai") + "\",\"password\":\"password1\",\"role\":\"CLIENT\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        var fields = TestHttp.json(response)
                .get("errors")
                .valueStream()
                .map(e -> e.get("field").asString())
                .toList();
        assertThat(fields).containsExactlyInAnyOrder("password", "displayName");
        assertThat(response.body()).doesNotContain("password1");
    }

    @Test
    void unknownFieldsAndWrongTypesAreRefusedWith400() {
        var unknown = http.postJson(
                "/api/accounts",
                "{\"email\":\"" + TestHttp.email("dee") + "\",\"password\":\"" + TestHttp.STRONG_PASSWORD
                        + "\",\"displayName\":\"Dee\",\"role\":\"CLIENT\",\"admin\":true}");
        var wrongRole = http.postJson(
                "/api/accounts",
                "{\"email\":\"" + TestHttp.email("dee") + "\",\"password\":\"" + TestHttp.STRONG_PASSWORD
                        + "\",\"displayName\":\"Dee\",\"role\":\"ADMIN\"}");
        var notJson = http.postJson("/api/accounts", "this is not json");

        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("admin").contains("is not a known field");
        assertThat(wrongRole.statusCode()).isEqualTo(400);
        assertThat(wrongRole.body()).contains("role");
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(notJson.body()).doesNotContain("this is not json");
    }

    @Test
    void signingInGivesANewSessionIdAndIsAudited() {
        var email = TestHttp.email("eli");
        var id = http.register(email, "Eli", "CLIENT");
        http.get("/login");
        var before = http.sessionId();

        var response = http.formLogin(email.toUpperCase(), TestHttp.STRONG_PASSWORD);

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
        assertThat(http.sessionId()).isNotNull().isNotEqualTo(before);
        assertThat(http.get("/today").statusCode()).isEqualTo(200);
        var audit = mongo.find(Query.query(Criteria.where("accountId").is(id)), Document.class, "audit_log");
        assertThat(audit)
                .anySatisfy(entry -> assertThat(entry.getString("kind")).isEqualTo("LOGIN_SUCCEEDED"));
    }

    @Test
    void aFailedSignInIsAuditedWithoutWhatWasTyped() {
        var email = TestHttp.email("fay");
        var id = http.register(email, "Fay", "CLIENT");

        var response = http.formLogin(email, "not my password at all");

        assertThat(response.headers().firstValue("Location").orElseThrow()).endsWith("/login?error");
        var audit = mongo.find(Query.query(Criteria.where("accountId").is(id)), Document.class, "audit_log");
        assertThat(audit)
                .anySatisfy(entry -> assertThat(entry.getString("kind")).isEqualTo("LOGIN_FAILED"));
        assertThat(audit.toString()).doesNotContain("not my password").doesNotContain(email);
    }

    @Test
    void theTokenEndpointAnswers429AfterTooManyFailuresEvenWithTheRightPassword() {
        var email = TestHttp.email("gus");
        http.register(email, "Gus", "CLIENT");
        for (int i = 0; i < 3; i++) {
            assertThat(http.token(email, "wrong password " + i).statusCode()).isEqualTo(401);
        }

        var response = http.token(email, TestHttp.STRONG_PASSWORD);

        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(response.headers().firstValue("Retry-After")).isPresent();
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void theLoginFormIsHeldBackAfterTooManyFailures() {
        var email = TestHttp.email("hal");
        http.register(email, "Hal", "CLIENT");
        for (int i = 0; i < 3; i++) {
            http.formLogin(email, "wrong password " + i);
        }

        var response = http.formLogin(email, TestHttp.STRONG_PASSWORD);

        assertThat(response.headers().firstValue("Location").orElseThrow()).endsWith("/login?throttled");
        assertThat(http.get("/today").statusCode()).isEqualTo(302);
    }

    @Test
    void theLoginPageIsAttunesOwnViewNotSpringSecuritysDefaultPage() {
        var page = http.get("/login");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("VAADIN/build/").doesNotContain("Please sign in");
    }

    @Test
    void sessionAuthenticatedApiPostsNeedTheCsrfTokenAndBearerCallsDoNot() throws Exception {
        var therapistEmail = TestHttp.email("ida");
        http.register(therapistEmail, "Ida", "THERAPIST");
        var clientEmail = TestHttp.email("jon");
        http.register(clientEmail, "Jon", "CLIENT");
        http.formLogin(clientEmail, TestHttp.STRONG_PASSWORD);
        var body = "{\"therapistEmail\":\"" + therapistEmail + "\",\"dataClasses\":[\"MOOD_CHECKINS\"]}";

        var withoutToken = http.postJson("/api/consents", body);
        assertThat(withoutToken.statusCode()).isEqualTo(403);

        var csrf = TestHttp.json(http.get("/api/csrf"));
        var withToken = http.send(http.request("/api/consents")
                .header("Content-Type", "application/json")
                .header(csrf.get("headerName").asString(), csrf.get("token").asString())
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
        assertThat(withToken.statusCode()).isEqualTo(201);

        var other = new TestHttp(port);
        var bearer =
                other.postJson("/api/consents", body.replace("MOOD_CHECKINS", "NOTES"), other.accessToken(clientEmail));
        // The pair already shares: the request got past CSRF (no session) and reached the consent rules.
        assertThat(bearer.statusCode()).isEqualTo(409);
    }

    @Test
    void everyResponseCarriesTheSecurityHeaders() {
        for (var path : new String[] {"/", "/login", "/api/consents", "/.well-known/jwks.json"}) {
            var response = http.get(path);
            var headers = response.headers();
            assertThat(headers.firstValue("Content-Security-Policy"))
                    .as(path)
                    .hasValueSatisfying(csp -> assertThat(csp)
                            .contains("frame-ancestors 'none'")
                            .contains("default-src 'self'")
                            .contains("object-src 'none'"));
            assertThat(headers.firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
            assertThat(headers.firstValue("Referrer-Policy")).as(path).hasValue("same-origin");
            assertThat(headers.firstValue("X-Frame-Options")).as(path).hasValue("DENY");
            // Plain HTTP: no HSTS.
            assertThat(headers.firstValue("Strict-Transport-Security")).as(path).isEmpty();
        }
        assertThat(http.get("/").headers().firstValue("Cache-Control"))
                .hasValueSatisfying(c -> assertThat(c).contains("no-store"));
    }

    @Test
    void behindATlsProxyResponsesCarryHsts() {
        var response = http.send(http.request("/login")
                .header("X-Forwarded-Proto", "https")
                .GET()
                .build());

        assertThat(response.headers().firstValue("Strict-Transport-Security"))
                .hasValueSatisfying(h -> assertThat(h).contains("max-age=31536000"));
    }

    @Test
    void theApiRefusesCallsWithoutCredentialsAsProblemJson() {
        var response = http.get("/api/consents");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
    }
}
