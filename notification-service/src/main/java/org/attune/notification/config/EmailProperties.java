package org.attune.notification.config;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Email channel: sender address and retry policy.
 *
 * @param maxAttempts tries before the email ends as ERRORED
 * @param initialBackoff wait after the first failure; doubled after each further one, up to {@code maxBackoff}
 */
@Validated
@ConfigurationProperties("attune.notifications.email")
public record EmailProperties(
        @NotBlank String from,
        @Min(1) @Max(20) int maxAttempts,
        @NotNull Duration initialBackoff,
        @NotNull Duration maxBackoff) {

    public Duration backoffAfter(int failedAttempts) {
        long factor = 1L << Math.min(Math.max(failedAttempts - 1, 0), 20);
        Duration wait = initialBackoff.multipliedBy(factor);
        return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }
}
