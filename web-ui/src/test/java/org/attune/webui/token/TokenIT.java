package org.attune.webui.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.attune.events.Role;
import org.attune.testsupport.AttuneIntegrationTest;
import org.attune.testsupport.MutableClock;
import org.attune.testsupport.TestTokens;
import org.attune.webui.TestHttp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * Tokens from {@code /api/token}, checked the way a service checks them: a resource-server decoder that fetches
 * web-ui's {@code /.well-known/jwks.json} over HTTP and validates issuer and audience.
 */
@AttuneIntegrationTest(properties = {"attune.data-dir=target/it-data"})
class TokenIT {

    @TestConfiguration
    static class Clocks {
        @Bean
        @Primary
        MutableClock testClock() {
            return new MutableClock(Instant.now());
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    @Autowired
    TokenIssuer issuer;

    TestHttp http;
    NimbusJwtDecoder service;

    @BeforeEach
    void setUp() {
        clock.set(Instant.now());
        http = new TestHttp(port);
        // What a service configures from attune.security.jwks-uri / issuer / audience.
        service = NimbusJwtDecoder.withJwkSetUri("http://127.0.0.1:" + port + "/.well-known/jwks.json")
                .build();
        service.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer("attune-web-ui"),
                (Jwt jwt) -> jwt.getAudience().contains("attune-services")
                        ? OAuth2TokenValidatorResult.success()
                        : OAuth2TokenValidatorResult.failure(
                                new org.springframework.security.oauth2.core.OAuth2Error("invalid_token"))));
    }

    @AfterEach
    void resetClock() {
        clock.set(Instant.now());
    }

    @Test
    void aTokenFromTheTokenEndpointIsAcceptedByAResourceServerUsingTheJwks() {
        var email = TestHttp.email("kim");
        var id = http.register(email, "Kim", "THERAPIST");

        var response = http.token(email, TestHttp.STRONG_PASSWORD);

        assertThat(response.statusCode()).isEqualTo(200);
        var body = TestHttp.json(response);
        assertThat(body.get("token_type").asString()).isEqualTo("Bearer");
        assertThat(body.get("expires_in").asInt()).isEqualTo(300);
        var jwt = service.decode(body.get("access_token").asString());
        assertThat(jwt.getSubject()).isEqualTo(id);
        assertThat(jwt.getClaimAsString("role")).isEqualTo("THERAPIST");
        assertThat(jwt.getClaimAsString("iss")).isEqualTo("attune-web-ui");
        assertThat(jwt.getAudience()).containsExactly("attune-services");
        assertThat(jwt.getId()).isNotBlank();
        assertThat(Duration.between(jwt.getIssuedAt(), jwt.getExpiresAt())).isEqualTo(Duration.ofMinutes(5));
        assertThat(jwt.getHeaders()).containsEntry("alg", "RS256").containsKey("kid");
    }

    @Test
    void webUisOwnApiAcceptsItsBearerTokens() {
        var email = TestHttp.email("lou");
        http.register(email, "Lou", "CLIENT");

        var response = http.get("/api/consents", http.accessToken(email));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("[]");
    }

    @Test
    void anExpiredTokenIsRejected() {
        clock.set(Instant.now().minus(Duration.ofMinutes(20)));
        var expired = issuer.issue(UUID.randomUUID(), Role.CLIENT);
        clock.set(Instant.now());

        assertThatThrownBy(() -> service.decode(expired)).isInstanceOf(JwtException.class);
        assertThat(http.get("/api/consents", expired).statusCode()).isEqualTo(401);
    }

    @Test
    void aTokenWithAWrongSignatureIsRejected() {
        var stranger = TestTokens.get().signedByStranger(UUID.randomUUID(), "CLIENT");

        assertThatThrownBy(() -> service.decode(stranger)).isInstanceOf(JwtException.class);
        assertThat(http.get("/api/consents", stranger).statusCode()).isEqualTo(401);
    }

    @Test
    void wrongCredentialsGet401WithABasicChallenge() {
        var response = http.token(TestHttp.email("nobody"), "whatever it is");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(h -> assertThat(h).startsWith("Basic"));
    }

    @Test
    void theJwksServesOnlyPublicKeyMaterial() {
        var response = http.get("/.well-known/jwks.json");

        assertThat(response.statusCode()).isEqualTo(200);
        var key = TestHttp.json(response).get("keys").get(0);
        assertThat(key.get("kty").asString()).isEqualTo("RSA");
        assertThat(key.has("n")).isTrue();
        assertThat(key.has("d")).isFalse();
        assertThat(key.has("p")).isFalse();
    }
}
