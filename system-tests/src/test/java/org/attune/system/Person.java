package org.attune.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.attune.infra.local.LocalStack;

/**
 * Somebody with a real account in web-ui (registered and verified through the link web-ui mailed), who gets service
 * tokens the way API clients do.
 */
final class Person {

    private static final Duration TOKEN_REUSE = Duration.ofMinutes(3);

    final UUID id;
    final String email;
    final String password;
    final String role;
    private final LocalStack stack;
    private String token;
    private Instant tokenFetchedAt = Instant.MIN;

    private Person(LocalStack stack, UUID id, String email, String password, String role) {
        this.stack = stack;
        this.id = id;
        this.email = email;
        this.password = password;
        this.role = role;
    }

    static Person client(LocalStack stack) {
        return register(stack, "CLIENT");
    }

    /** A therapist an operator has verified, so clients can share with them. */
    static Person therapist(LocalStack stack) {
        var therapist = register(stack, "THERAPIST");
        assertThat(Operator.of(stack).verify(therapist.id)).isEqualTo(204);
        return therapist;
    }

    /** A therapist whose professional registration still waits for the operator's check. */
    static Person waitingTherapist(LocalStack stack) {
        return register(stack, "THERAPIST");
    }

    static Person signIn(LocalStack stack, String email, String password, String role) {
        var person = new Person(stack, null, email, password, role);
        var id = person.freshToken().claimsSubject();
        return new Person(stack, id, email, password, role);
    }

    private static Person register(LocalStack stack, String role) {
        var email = role.toLowerCase() + "-" + UUID.randomUUID() + "@attune.example";
        var password = "tidewater compass " + UUID.randomUUID();
        var body = new java.util.HashMap<String, Object>(
                Map.of("email", email, "password", password, "displayName", "System " + role, "role", role));
        if (role.equals("THERAPIST")) {
            body.put(
                    "professionalRegistration",
                    Map.of("body", "System test register", "number", "ST-" + email.hashCode(), "country", "GB"));
        }
        var response = Api.post(stack.webUiUrl(), "/api/accounts", null, body);
        assertThat(response.status()).as(response.body()).isEqualTo(202);
        var verified = Api.post(
                stack.webUiUrl(),
                "/api/email-verifications",
                null,
                Map.of("token", Mailbox.token(Mailbox.await(stack, email, "Confirm your email"))));
        assertThat(verified.status()).as(verified.body()).isEqualTo(204);
        return signIn(stack, email, password, role);
    }

    /** A token from {@code POST /api/token}, fetched again before it would expire. */
    synchronized String token() {
        if (Duration.between(tokenFetchedAt, Instant.now()).compareTo(TOKEN_REUSE) > 0) {
            token = freshToken().value();
            tokenFetchedAt = Instant.now();
        }
        return token;
    }

    record IssuedToken(String value) {
        UUID claimsSubject() {
            var payload = new String(java.util.Base64.getUrlDecoder().decode(value.split("\\.")[1]));
            return UUID.fromString(Api.JSON.readTree(payload).get("sub").asString());
        }
    }

    IssuedToken freshToken() {
        var response = Api.postWithBasic(stack.webUiUrl(), "/api/token", email, password);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return new IssuedToken(response.json().get("access_token").asString());
    }
}
