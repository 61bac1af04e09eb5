package org.attune.kit.outbox;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param relayEnabled false only in tests that simulate a crash before publishing
 * @param sweepInterval how often an instance looks for outboxes whose writer did not finish (right away again after a
 *     sweep that found some); leftovers are at least {@link Outbox#GRACE} old, so a few seconds more cost little, and
 *     each sweep reads every outbox collection
 * @param lease how long a claimed outbox belongs to one instance before another may take it over
 * @param batch documents claimed per collection and sweep
 */
@Validated
@ConfigurationProperties("attune.outbox")
public record OutboxProperties(
        @DefaultValue("true") boolean relayEnabled,
        @NotNull @DefaultValue("5s") Duration sweepInterval,
        @NotNull @DefaultValue("30s") Duration lease,
        @Min(1) @DefaultValue("200") int batch) {}
