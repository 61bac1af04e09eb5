package org.attune.webui.operator;

import static org.assertj.core.api.Assertions.assertThat;

import org.attune.testsupport.AttuneIntegrationTest;
import org.attune.webui.TestHttp;
import org.attune.webui.consent.Grants;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The operator of the test configuration over real HTTP: a therapist waits until verified, and before that a
 * client's share by email or invitation acceptance is refused with a clear message that reveals nothing; suspended
 * accounts are out; every action is in the exported audit log; an operator gets no token and no client data.
 */
@AttuneIntegrationTest(properties = {"attune.data-dir=target/it-data", "attune.login.max-failures-per-ip=1000"})
class OperatorIT {

    @LocalServerPort
    int port;

    TestHttp operator;

    @BeforeEach
    void signInTheOperator() {
        operator = new TestHttp(port);
        assertThat(operator.formLogin(TestHttp.OPERATOR_EMAIL, TestHttp.OPERATOR_PASSWORD)
                        .headers()
                        .firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).doesNotContain("error"));
    }

    private static String shareBody(String email) {
        return "{\"therapistEmail\":\"" + email + "\",\"dataClasses\":[\"MOOD_CHECKINS\"]}";
    }

    @Test
    void beforeVerificationAClientCanNeitherShareNorAcceptAnInvitationAndAfterwardsBoth() {
        var http = new TestHttp(port);
        var therapistEmail = TestHttp.email("dr-wait");
        var therapistId = http.registerWaitingTherapist(therapistEmail, "Dr. Wait");
        var clientEmail = TestHttp.email("cleo");
        http.register(clientEmail, "Cleo", "CLIENT");
        var client = http.accessToken(clientEmail);
        var therapist = http.accessToken(therapistEmail);
        var code = TestHttp.json(http.postJson("/api/invitations", "{}", therapist))
                .get("code")
                .asString();

        var waiting = TestHttp.json(operator.get("/api/operator/therapists/waiting"));
        assertThat(waiting.valueStream().map(t -> t.get("accountId").asString()))
                .contains(therapistId);

        var share = http.postJson("/api/consents", shareBody(therapistEmail), client);
        assertThat(share.statusCode()).isEqualTo(400);
        assertThat(share.body()).contains(Grants.CANNOT_SHARE_WITH_ADDRESS);
        var unknown = http.postJson("/api/consents", shareBody(TestHttp.email("nobody")), client);
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).isEqualTo(share.body());
        var accept =
                http.postJson("/api/invitations/" + code + "/accept", "{\"dataClasses\":[\"MOOD_CHECKINS\"]}", client);
        assertThat(accept.statusCode()).isEqualTo(403);
        assertThat(accept.body()).contains("hasn't been confirmed on Attune yet");

        assertThat(operator.postWithCsrf("/api/operator/therapists/" + therapistId + "/verify")
                        .statusCode())
                .isEqualTo(204);

        // The same code works now: the refusal did not use it up.
        var accepted =
                http.postJson("/api/invitations/" + code + "/accept", "{\"dataClasses\":[\"MOOD_CHECKINS\"]}", client);
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(201);
        var csv = operator.get("/api/operator/audit.csv");
        assertThat(csv.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        assertThat(csv.body())
                .startsWith("at,operatorId,action,accountId")
                .contains("THERAPIST_VERIFIED," + therapistId);
    }

    @Test
    void aDeclinedTherapistCannotBeSharedWithEither() {
        var http = new TestHttp(port);
        var therapistEmail = TestHttp.email("dr-no");
        var therapistId = http.register(therapistEmail, "Dr. No", "THERAPIST");
        var clientEmail = TestHttp.email("dee");
        http.register(clientEmail, "Dee", "CLIENT");

        assertThat(operator.postWithCsrf("/api/operator/therapists/" + therapistId + "/decline")
                        .statusCode())
                .isEqualTo(204);

        var share = http.postJson("/api/consents", shareBody(therapistEmail), http.accessToken(clientEmail));
        assertThat(share.statusCode()).isEqualTo(400);
        assertThat(share.body()).contains(Grants.CANNOT_SHARE_WITH_ADDRESS);
        var json = TestHttp.json(operator.get("/api/operator/audit.json"));
        assertThat(json.valueStream()
                        .filter(e -> therapistId.equals(e.get("accountId").asString()))
                        .map(e -> e.get("action").asString()))
                .contains("THERAPIST_VERIFIED", "THERAPIST_DECLINED");
    }

    @Test
    void aSuspendedAccountLosesItsSessionCannotSignInOrGetATokenUntilReinstated() {
        var http = new TestHttp(port);
        var email = TestHttp.email("sam");
        var id = http.register(email, "Sam", "CLIENT");
        var browser = new TestHttp(port);
        browser.formLogin(email, TestHttp.STRONG_PASSWORD);
        assertThat(browser.get("/api/consents").statusCode()).isEqualTo(200);

        assertThat(operator.postWithCsrf("/api/operator/accounts/" + id + "/suspend")
                        .statusCode())
                .isEqualTo(200);

        assertThat(browser.get("/api/consents").statusCode()).isEqualTo(401);
        assertThat(new TestHttp(port)
                        .formLogin(email, TestHttp.STRONG_PASSWORD)
                        .headers()
                        .firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).contains("error"));
        assertThat(http.token(email, TestHttp.STRONG_PASSWORD).statusCode()).isEqualTo(401);

        assertThat(operator.postWithCsrf("/api/operator/accounts/" + id + "/reinstate")
                        .statusCode())
                .isEqualTo(200);
        assertThat(http.token(email, TestHttp.STRONG_PASSWORD).statusCode()).isEqualTo(200);
        assertThat(operator.get("/api/operator/audit.csv").body())
                .contains("ACCOUNT_SUSPENDED," + id)
                .contains("ACCOUNT_REINSTATED," + id);
    }

    @Test
    void anOperatorGetsNoTokenAndNoClientDataAndOthersGetNoOperatorDesk() {
        var http = new TestHttp(port);
        assertThat(http.token(TestHttp.OPERATOR_EMAIL, TestHttp.OPERATOR_PASSWORD)
                        .statusCode())
                .isEqualTo(403);
        assertThat(operator.get("/api/consents").body()).isEqualTo("[]");
        assertThat(operator.postWithCsrf("/api/invitations").statusCode()).isEqualTo(403);

        var clientEmail = TestHttp.email("ivy");
        http.register(clientEmail, "Ivy", "CLIENT");
        var client = new TestHttp(port);
        client.formLogin(clientEmail, TestHttp.STRONG_PASSWORD);
        assertThat(client.get("/api/operator/therapists/waiting").statusCode()).isEqualTo(403);
        assertThat(client.get("/api/operator/audit.csv").statusCode()).isEqualTo(403);
        assertThat(http.get("/api/operator/audit.json", http.accessToken(clientEmail))
                        .statusCode())
                .isEqualTo(403);
    }

    @Test
    void registeringAsATherapistNeedsTheProfessionalRegistrationAndNobodyRegistersAsOperator() {
        var http = new TestHttp(port);
        var therapist = http.postJson(
                "/api/accounts",
                "{\"email\":\"" + TestHttp.email("t") + "\",\"password\":\"" + TestHttp.STRONG_PASSWORD
                        + "\",\"displayName\":\"T\",\"role\":\"THERAPIST\"}");
        assertThat(therapist.statusCode()).isEqualTo(400);
        assertThat(therapist.body()).contains("professionalRegistration");
        var badCountry = http.postJson(
                "/api/accounts",
                "{\"email\":\"" + TestHttp.email("t") + "\",\"password\":\"" + TestHttp.STRONG_PASSWORD
                        + "\",\"displayName\":\"T\",\"role\":\"THERAPIST\",\"professionalRegistration\":"
                        + "{\"body\":\"Board\",\"number\":\"1\",\"country\":\"Narnia\"}}");
        assertThat(badCountry.statusCode()).isEqualTo(400);
        assertThat(badCountry.body()).contains("professionalRegistration.country");
        var operatorRole = http.postJson(
                "/api/accounts",
                "{\"email\":\"" + TestHttp.email("o") + "\",\"password\":\"" + TestHttp.STRONG_PASSWORD
                        + "\",\"displayName\":\"O\",\"role\":\"OPERATOR\"}");
        assertThat(operatorRole.statusCode()).isEqualTo(400);
    }
}
