package org.attune.webui.token;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The {@code iss} and {@code aud} of web-ui's tokens, under the same names the services check them by
 * ({@code attune.security.issuer} / {@code .audience}, env {@code ATTUNE_SECURITY_ISSUER} / {@code _AUDIENCE}): one
 * setting in {@code .env} changes both sides.
 */
@Validated
@ConfigurationProperties("attune.security")
public record TokenSettings(
        @DefaultValue("attune-web-ui") @NotBlank String issuer,
        @DefaultValue("attune-services") @NotBlank String audience) {

    public static final TokenSettings DEFAULT = new TokenSettings("attune-web-ui", "attune-services");
}
