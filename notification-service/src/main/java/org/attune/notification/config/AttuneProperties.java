package org.attune.notification.config;

import jakarta.validation.constraints.NotNull;
import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** @param publicUrl where people reach Attune in a browser; email links point there */
@Validated
@ConfigurationProperties("attune")
public record AttuneProperties(@NotNull URI publicUrl) {

    public String link(String path) {
        String base = publicUrl.toString();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path;
    }
}
