package org.attune.webui.config;

import jakarta.validation.constraints.NotNull;
import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Where web-ui reaches the other Attune services: one instance each. More instances are listed for the load balancer in
 * {@code spring.cloud.discovery.client.simple.instances} (which defaults to these URLs).
 */
@Validated
@ConfigurationProperties("attune.services")
public record ServicesProperties(
        @NotNull URI checkinUrl,
        @NotNull URI contentUrl,
        @NotNull URI notificationUrl) {}
