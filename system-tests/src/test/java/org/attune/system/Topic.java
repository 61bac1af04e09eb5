package org.attune.system;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.attune.events.AttuneEvent;
import org.attune.events.AttuneEventSerializer;
import org.attune.events.EventJson;
import org.attune.events.Topics;
import org.attune.infra.local.LocalStack;

/** Reads a topic of the stack's broker from the beginning, and publishes events as a service would. */
final class Topic {

    private Topic() {}

    /** Every record on the topic right now, in partition order; values as their JSON (null for a tombstone). */
    static List<ConsumerRecord<String, String>> readAll(LocalStack stack, String topic) {
        var props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "system-test-" + UUID.randomUUID());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        var records = new ArrayList<ConsumerRecord<String, String>>();
        try (var consumer = new KafkaConsumer<String, String>(props)) {
            var partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))
                    && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }

    /** The events on the topic (tombstones and undecodable records left out). */
    static List<AttuneEvent> events(LocalStack stack, String topic) {
        return readAll(stack, topic).stream()
                .filter(r -> r.value() != null)
                .map(r -> EventJson.read(r.value()))
                .toList();
    }

    /** Publishes events as their services would: keyed as the contract says, acknowledged by all replicas. */
    static void publish(LocalStack stack, AttuneEvent... events) throws Exception {
        var props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, AttuneEventSerializer.class);
        try (var producer = new KafkaProducer<String, AttuneEvent>(props)) {
            for (var event : events) {
                producer.send(new ProducerRecord<>(Topics.topicOf(event), event.kafkaKey(), event))
                        .get();
            }
        }
    }
}
