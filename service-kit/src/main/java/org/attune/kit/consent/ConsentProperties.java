package org.attune.kit.consent;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param maxFutureSkew a consent event dated further ahead than this is refused (to the dead-letter topic): applied,
 *     it would win every newer-wins comparison until that date
 */
@Validated
@ConfigurationProperties("attune.consent")
public record ConsentProperties(@NotNull @DefaultValue("2m") Duration maxFutureSkew) {}
