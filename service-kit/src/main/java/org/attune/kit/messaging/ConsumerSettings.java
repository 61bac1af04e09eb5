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
 * @param groupProtocol {@code classic} with cooperative-sticky assignment (a member that leaves or joins moves only the
 *     partitions concerned; the others keep consuming) or {@code consumer} (KIP-848, Kafka 4.0 or newer). Not
 *     {@code consumer} by default: with kafka-clients 4.1.2 the stack's revoke-to-refusal times grew from ~0.1-0.6 s
 *     to 1.5-3.9 s (ConsentAcrossServicesIT) and 4.2 s median under load (bench P3)
 * @param maxPollRecords records handed over per poll; a partition moves only after the batch in hand is done, so this
 *     bounds how long a moving partition waits
 * @param listenerConcurrency consumers per listener and instance; the topics' partition count lets one surviving
 *     instance work every partition at once
 */
@Validated
@ConfigurationProperties("attune.kafka")
public record ConsumerSettings(
        @Pattern(regexp = "consumer|classic") @DefaultValue("classic")
        String groupProtocol,

        @Min(1) @DefaultValue("50") int maxPollRecords,
        @Min(1) @DefaultValue("" + Topics.PARTITIONS) int listenerConcurrency) {}
