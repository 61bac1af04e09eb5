package org.attune.infra.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClients;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.attune.events.Topics;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local stack's promise: stop it, start it again, and everything written before is still there. */
class LocalInfrastructurePersistenceIT {

    @TempDir
    Path dataDir;

    @Test
    void a_document_written_before_a_restart_is_still_there_after_it() throws Exception {
        int port = freePort();
        var storeFile = dataDir.resolve("mongo/attune.mv");
        try (var mongo = EmbeddedMongo.startPersistent(storeFile, port);
                var client = MongoClients.create(mongo.connectionString())) {
            client.getDatabase("attune_checkin").getCollection("probe").insertOne(new Document("_id", "kept"));
        }
        try (var mongo = EmbeddedMongo.startPersistent(storeFile, port);
                var client = MongoClients.create(mongo.connectionString())) {
            var found = client.getDatabase("attune_checkin")
                    .getCollection("probe")
                    .find(new Document("_id", "kept"))
                    .first();
            assertThat(found).isNotNull();
        }
    }

    @Test
    void topics_and_records_survive_a_broker_restart() throws Exception {
        int port = freePort();
        int controllerPort = freePort();
        var logDir = dataDir.resolve("kafka");
        try (var kafka = EmbeddedKafka.start(logDir, port, controllerPort)) {
            TopicProvisioner.createAll(kafka.bootstrapServers());
            try (var producer = new KafkaProducer<>(
                    Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
                    new StringSerializer(),
                    new StringSerializer())) {
                producer.send(new ProducerRecord<>(Topics.CHECKINS, 0, "client-1", "kept"))
                        .get();
            }
        }
        try (var kafka = EmbeddedKafka.start(logDir, port, controllerPort)) {
            var props = new Properties();
            props.put("bootstrap.servers", kafka.bootstrapServers());
            try (var admin = Admin.create(props)) {
                var topics = admin.describeTopics(List.of(Topics.CHECKINS, Topics.CONSENT))
                        .allTopicNames()
                        .get();
                assertThat(topics.get(Topics.CHECKINS).partitions()).hasSize(Topics.PARTITIONS);
                assertThat(admin.listTopics().names().get()).containsAll(Topics.allWithDeadLetters());
            }
            assertThat(readAll(kafka.bootstrapServers(), new TopicPartition(Topics.CHECKINS, 0)))
                    .containsExactly("kept");
        }
    }

    @Test
    void a_changed_retention_reaches_the_existing_topics_on_the_next_start() throws Exception {
        int port = freePort();
        int controllerPort = freePort();
        var logDir = dataDir.resolve("kafka");
        try (var kafka = EmbeddedKafka.start(logDir, port, controllerPort)) {
            TopicProvisioner.createAll(kafka.bootstrapServers(), Duration.ofDays(30));
        }
        try (var kafka = EmbeddedKafka.start(logDir, port, controllerPort)) {
            TopicProvisioner.createAll(kafka.bootstrapServers(), Duration.ofDays(7));

            var props = new Properties();
            props.put("bootstrap.servers", kafka.bootstrapServers());
            try (var admin = Admin.create(props)) {
                // The controller has committed the change when the call returns; the broker applies it a moment later.
                await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                    var configs = admin.describeConfigs(Topics.allWithDeadLetters().stream()
                                    .map(topic -> new ConfigResource(ConfigResource.Type.TOPIC, topic))
                                    .toList())
                            .all()
                            .get();
                    for (var topic : Topics.allWithDeadLetters()) {
                        Config config = configs.get(new ConfigResource(ConfigResource.Type.TOPIC, topic));
                        if (topic.equals(Topics.CONSENT)) {
                            assertThat(config.get("cleanup.policy").value()).isEqualTo("compact");
                        } else {
                            assertThat(config.get("cleanup.policy").value())
                                    .as(topic)
                                    .isEqualTo("delete");
                            assertThat(config.get("retention.ms").value())
                                    .as(topic)
                                    .isEqualTo(String.valueOf(Duration.ofDays(7).toMillis()));
                        }
                    }
                });
            }
        }
    }

    private static List<String> readAll(String bootstrap, TopicPartition partition) {
        try (var consumer = new KafkaConsumer<>(
                Map.<String, Object>of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
                new StringDeserializer(),
                new StringDeserializer())) {
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            var values = new ArrayList<String>();
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (values.isEmpty() && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> values.add(r.value()));
            }
            return values;
        }
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
