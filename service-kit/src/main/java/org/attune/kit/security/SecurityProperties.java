package org.attune.kit.security;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** Where a service finds web-ui's signing keys, and which tokens it accepts. */
@Validated
@ConfigurationProperties("attune.security")
public record SecurityProperties(
        @NotNull URI jwksUri,
        @NotBlank String issuer,
        @NotBlank String audience) {}
