package org.attune.notification.messaging;

import org.attune.events.AttuneEvent;
import org.attune.events.Topics;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Publishes an event to its topic, keyed as the contract says; completes once the broker acknowledged it. */
@Component
public class EventPublisher {

    private final KafkaTemplate<String, AttuneEvent> kafka;

    EventPublisher(KafkaTemplate<String, AttuneEvent> kafka) {
        this.kafka = kafka;
    }

    public Mono<Void> publish(AttuneEvent event) {
        return Mono.fromFuture(() -> kafka.send(Topics.topicOf(event), event.kafkaKey(), event))
                .then();
    }
}
