package org.attune.kit.messaging;

import java.time.Duration;
import org.attune.events.AttuneEvent;
import org.attune.events.Topics;
import org.springframework.kafka.core.KafkaTemplate;
import reactor.core.publisher.Mono;

/**
 * Publishes an event to its topic, keyed as the contract says; completes once the broker acknowledged it (the
 * producer is idempotent with {@code acks=all}, see {@link MessagingConfiguration}).
 */
public class EventPublisher {

    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(30);

    private final KafkaTemplate<String, AttuneEvent> kafka;

    EventPublisher(KafkaTemplate<String, AttuneEvent> kafka) {
        this.kafka = kafka;
    }

    public Mono<Void> publish(AttuneEvent event) {
        return Mono.fromFuture(() -> kafka.send(Topics.topicOf(event), event.kafkaKey(), event))
                .then();
    }

    /** A null value under {@code key}: compaction then drops every earlier record of that key. */
    public Mono<Void> tombstone(String topic, String key) {
        return Mono.fromFuture(() -> kafka.send(topic, key, null)).then();
    }

    /** For blocking callers (web-ui): returns once the broker acknowledged the event, fails after 30 seconds. */
    public void publishAndWait(AttuneEvent event) {
        publish(event).block(ACK_TIMEOUT);
    }

    /** For blocking callers: returns once the broker acknowledged the tombstone (the key names people: never logged). */
    public void tombstoneAndWait(String topic, String key) {
        tombstone(topic, key).block(ACK_TIMEOUT);
    }
}
