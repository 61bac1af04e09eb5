package org.attune.content.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.UUID;
import org.attune.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.JwtException;

class SecurityConfigTest {

    @Test
    void the_decoder_is_built_without_reaching_web_ui_so_the_service_starts_while_it_is_down() {
        var properties = new SecurityProperties(
                URI.create("http://127.0.0.1:9/.well-known/jwks.json"), "attune-web-ui", "attune-services");
        var decoder = new SecurityConfig().jwtDecoder(properties);
        assertThat(decoder).isNotNull();
        // Only a token to check makes it fetch keys; with web-ui down that token is refused, not the start-up.
        assertThatThrownBy(() -> decoder.decode(TestTokens.get().client(UUID.randomUUID()))
                        .block(Duration.ofSeconds(20)))
                .isInstanceOf(JwtException.class);
    }

    @Test
    void a_token_for_another_audience_or_issuer_is_refused() {
        var tokens = TestTokens.get();
        var wrongAudience = new SecurityConfig()
                .jwtDecoder(new SecurityProperties(URI.create(tokens.jwksUri()), TestTokens.ISSUER, "someone-else"));
        var wrongIssuer = new SecurityConfig()
                .jwtDecoder(new SecurityProperties(URI.create(tokens.jwksUri()), "elsewhere", TestTokens.AUDIENCE));
        var right = new SecurityConfig()
                .jwtDecoder(
                        new SecurityProperties(URI.create(tokens.jwksUri()), TestTokens.ISSUER, TestTokens.AUDIENCE));
        String token = tokens.therapist(UUID.randomUUID());

        assertThat(right.decode(token).block(Duration.ofSeconds(20)).getClaimAsString("role"))
                .isEqualTo("THERAPIST");
        assertThatThrownBy(() -> wrongAudience.decode(token).block(Duration.ofSeconds(20)))
                .isInstanceOf(JwtException.class);
        assertThatThrownBy(() -> wrongIssuer.decode(token).block(Duration.ofSeconds(20)))
                .isInstanceOf(JwtException.class);
    }
}
