package org.attune.webui.config;

import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How people reach this deployment ({@code publicUrl}, used in links and as the token issuer's address) and where
 * web-ui keeps files of its own, such as signing keys ({@code dataDir}).
 */
@Validated
@ConfigurationProperties("attune")
public record WebUiProperties(
        @NotNull URI publicUrl, @NotNull Path dataDir) {}
