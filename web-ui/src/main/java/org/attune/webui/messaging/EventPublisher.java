package org.attune.webui.messaging;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.attune.events.AttuneEvent;
import org.attune.events.Topics;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/** Publishes an event to its topic, keyed as the contract says; returns once the broker acknowledged it. */
@Component
public class EventPublisher {

    private static final long ACK_TIMEOUT_SECONDS = 30;

    private final KafkaTemplate<String, AttuneEvent> kafka;

    EventPublisher(KafkaTemplate<String, AttuneEvent> kafka) {
        this.kafka = kafka;
    }

    /** Blocks until the broker acknowledged the event; fails if it did not within 30 seconds. */
    public void publish(AttuneEvent event) {
        var topic = Topics.topicOf(event);
        try {
            kafka.send(topic, event.kafkaKey(), event).get(ACK_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while publishing to " + topic, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(
                    "Could not publish " + event.getClass().getSimpleName() + " to " + topic, e);
        }
    }

    /**
     * Writes a tombstone (a null value) under {@code key}, so compaction drops every earlier record of that key. Blocks
     * until the broker acknowledged it, like {@link #publish}; the key is not logged, since it names people.
     */
    public void tombstone(String topic, String key) {
        try {
            kafka.send(topic, key, null).get(ACK_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while writing a tombstone to " + topic, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not write a tombstone to " + topic, e);
        }
    }
}
