package org.attune.kit.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;

class TokenValidatorTest {

    static Jwt jwt(String issuer, List<String> audience, String subject, Object role) {
        var builder = Jwt.withTokenValue("t")
                .header("alg", "RS256")
                .issuer(issuer)
                .audience(audience)
                .subject(subject)
                .issuedAt(Instant.now())
                .expiresAt(Instant.now().plusSeconds(300));
        if (role != null) {
            builder.claim("role", role);
        }
        return builder.build();
    }

    final org.springframework.security.oauth2.core.OAuth2TokenValidator<Jwt> validator =
            TokenValidation.validator("attune-web-ui", "attune-services");

    @Test
    void a_web_ui_token_for_a_client_or_therapist_is_valid() {
        var id = UUID.randomUUID().toString();
        assertThat(validator
                        .validate(jwt("attune-web-ui", List.of("attune-services"), id, "CLIENT"))
                        .hasErrors())
                .isFalse();
        assertThat(validator
                        .validate(jwt("attune-web-ui", List.of("x", "attune-services"), id, "THERAPIST"))
                        .hasErrors())
                .isFalse();
    }

    @Test
    void a_wrong_issuer_audience_subject_or_role_is_refused() {
        var id = UUID.randomUUID().toString();
        assertThat(validator
                        .validate(jwt("someone-else", List.of("attune-services"), id, "CLIENT"))
                        .hasErrors())
                .isTrue();
        assertThat(validator
                        .validate(jwt("attune-web-ui", List.of("other"), id, "CLIENT"))
                        .hasErrors())
                .isTrue();
        assertThat(validator
                        .validate(jwt("attune-web-ui", List.of("attune-services"), "admin", "CLIENT"))
                        .hasErrors())
                .isTrue();
        assertThat(validator
                        .validate(jwt("attune-web-ui", List.of("attune-services"), id, "ADMIN"))
                        .hasErrors())
                .isTrue();
        assertThat(validator
                        .validate(jwt("attune-web-ui", List.of("attune-services"), id, null))
                        .hasErrors())
                .isTrue();
    }
}
