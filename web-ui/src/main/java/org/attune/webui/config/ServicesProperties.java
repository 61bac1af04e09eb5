package org.attune.webui.config;

import jakarta.validation.constraints.NotNull;
import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** Where web-ui reaches the other Attune services. */
@Validated
@ConfigurationProperties("attune.services")
public record ServicesProperties(
        @NotNull URI checkinUrl,
        @NotNull URI contentUrl,
        @NotNull URI notificationUrl) {}
