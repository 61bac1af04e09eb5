package org.attune.kit.messaging;

import org.attune.events.AttuneEvent;
import org.attune.events.Topics;
import org.springframework.kafka.core.KafkaTemplate;
import reactor.core.publisher.Mono;

/**
 * Publishes an event to its topic, keyed as the contract says; completes once the broker acknowledged it (the
 * producer is idempotent with {@code acks=all}, see {@link MessagingConfiguration}).
 */
public class EventPublisher {

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
}
