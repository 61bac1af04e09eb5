package org.attune.kit.messaging;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.attune.events.Topics;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How every service consumes, so that consumers catch up after a broker or an instance is lost, also on a starved
 * machine. The fault test found the consumer groups thousands of records behind: one thread per listener worked every
 * partition it held one record at a time (each record waits for durable store writes), and every member leaving or
 * joining stopped the whole group until the slowest member had finished its 500-record poll.
 *
 * @param groupProtocol {@code consumer} (KIP-848: the broker moves partitions one at a time, the other members keep
 *     consuming; needs Kafka 4.0 or newer) or {@code classic} (for older brokers: every change stops the group)
 * @param maxPollRecords records handed over per poll; a partition moves only after the batch in hand is done, so this
 *     bounds how long a moving partition waits
 * @param listenerConcurrency consumers per listener and instance; the topics' partition count lets one surviving
 *     instance work every partition at once
 */
@Validated
@ConfigurationProperties("attune.kafka")
public record ConsumerSettings(
        @Pattern(regexp = "consumer|classic") @DefaultValue("consumer")
        String groupProtocol,

        @Min(1) @DefaultValue("50") int maxPollRecords,
        @Min(1) @DefaultValue("" + Topics.PARTITIONS) int listenerConcurrency) {}
