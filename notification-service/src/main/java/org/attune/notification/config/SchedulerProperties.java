package org.attune.notification.config;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How the dispatch loop runs.
 *
 * @param pollInterval pause between two passes when nothing was due
 * @param lease how long a claimed notification stays reserved for the instance that claimed it
 * @param batchSize notifications claimed per worker and pass
 * @param workers parallel claim-and-deliver loops per instance
 * @param enabled false turns the loop off (the store still accepts notifications)
 */
@Validated
@ConfigurationProperties("attune.notifications.scheduler")
public record SchedulerProperties(
        @NotNull Duration pollInterval,
        @NotNull Duration lease,
        @Min(1) @Max(10_000) int batchSize,
        @Min(1) @Max(64) int workers,
        boolean enabled) {

    public SchedulerProperties {
        if (pollInterval != null && (pollInterval.isNegative() || pollInterval.isZero())) {
            throw new IllegalArgumentException("attune.notifications.scheduler.poll-interval must be positive");
        }
        if (lease != null && lease.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("attune.notifications.scheduler.lease must be at least 1s");
        }
    }
}
