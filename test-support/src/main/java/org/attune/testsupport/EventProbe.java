package org.attune.testsupport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.attune.events.AttuneEvent;
import org.attune.events.EventJson;
import org.attune.events.Topics;

/**
 * Watches topics on the real broker from the moment it is opened, so a test can wait for the event its action
 * caused. Records stay raw, so dead-letter topics with undecodable payloads can be watched too.
 */
public final class EventProbe implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final List<ConsumerRecord<String, byte[]>> seen = new CopyOnWriteArrayList<>();
    private final Thread poller;
    private volatile boolean running = true;

    private EventProbe(KafkaConsumer<String, byte[]> consumer) {
        this.consumer = consumer;
        this.poller = Thread.ofPlatform().daemon().name("event-probe").start(this::pollLoop);
    }

    public static EventProbe open(String bootstrapServers, String... topics) {
        var consumer = new KafkaConsumer<>(
                Map.<String, Object>of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrapServers,
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                        false),
                new StringDeserializer(),
                new ByteArrayDeserializer());
        var partitions = new ArrayList<TopicPartition>();
        for (String topic : topics) {
            for (int p = 0; p < Topics.PARTITIONS; p++) {
                partitions.add(new TopicPartition(topic, p));
            }
        }
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        // Resolve the end offsets now, so nothing published after open() is missed.
        partitions.forEach(consumer::position);
        return new EventProbe(consumer);
    }

    private void pollLoop() {
        while (running) {
            consumer.poll(Duration.ofMillis(100)).forEach(seen::add);
        }
        consumer.close();
    }

    /** Waits for an event of {@code type} matching {@code condition}; fails the test after {@code timeout}. */
    public <T extends AttuneEvent> T await(Class<T> type, Predicate<T> condition, Duration timeout) {
        var record = awaitRecord(
                r -> r.value() != null && decodes(r, type) && condition.test(type.cast(EventJson.read(r.value()))),
                timeout,
                "a " + type.getSimpleName() + " matching the condition");
        return type.cast(EventJson.read(record.value()));
    }

    /** Waits for any record on {@code topic}, e.g. a poison message on a dead-letter topic. */
    public ConsumerRecord<String, byte[]> awaitRecord(String topic, Duration timeout) {
        return awaitRecord(r -> r.topic().equals(topic), timeout, "a record on " + topic);
    }

    private ConsumerRecord<String, byte[]> awaitRecord(
            Predicate<ConsumerRecord<String, byte[]>> condition, Duration timeout, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (var record : seen) {
                if (condition.test(record)) {
                    return record;
                }
            }
            sleep();
        }
        throw new AssertionError("Timed out after " + timeout.toMillis() + " ms waiting for " + what);
    }

    private static boolean decodes(ConsumerRecord<String, byte[]> record, Class<?> type) {
        try {
            return type.isInstance(EventJson.read(record.value()));
        } catch (RuntimeException notAnEvent) {
            return false;
        }
    }

    /** Everything seen so far, for assertions that something did not happen. */
    public List<ConsumerRecord<String, byte[]>> records() {
        return List.copyOf(seen);
    }

    private static void sleep() {
        try {
            Thread.sleep(25);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        poller.join(5_000);
    }
}
