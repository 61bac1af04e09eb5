package org.attune.infra.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Kafka nodes of a {@code --brokers=N} stack, each a child process (so one can be lost to a {@code kill -9} like a
 * machine), on one cluster id kept in the data directory.
 */
final class KafkaCluster {

    private static final Logger log = LoggerFactory.getLogger(KafkaCluster.class);
    private static final Duration NODE_START_TIMEOUT = Duration.ofMinutes(2);

    private final StackSettings settings;
    private final List<BrokerProcess> nodes = new ArrayList<>();

    KafkaCluster(StackSettings settings) {
        this.settings = settings;
    }

    /** Starts every node; true once all have joined, false (with the failed node's log named) if one did not start. */
    boolean start(Path dataDir) throws Exception {
        var clusterId = clusterId(dataDir);
        var controllerPorts = settings.kafkaNodes().stream()
                .map(EmbeddedKafka.Node::controllerPort)
                .toList();
        for (var node : settings.kafkaNodes()) {
            nodes.add(BrokerProcess.launch(node, dataDir, controllerPorts, clusterId));
        }
        for (var node : nodes) {
            if (!node.awaitListening(NODE_START_TIMEOUT)) {
                log.error(
                        "Kafka node {} did not start; its log is {}",
                        node.node().id(),
                        node.logFile());
                return false;
            }
        }
        awaitBrokers(settings.bootstrapServers(), settings.brokers(), NODE_START_TIMEOUT);
        log.info(
                "Kafka cluster of {} nodes: {} replicas of each topic, {} in sync before a write is acknowledged",
                settings.brokers(),
                EmbeddedKafka.replicationFactor(settings.brokers()),
                EmbeddedKafka.minInSyncReplicas(settings.brokers()));
        return true;
    }

    /** The same id on every start, so a restarted cluster finds its data. */
    private static String clusterId(Path dataDir) throws IOException {
        var idFile = dataDir.resolve("kafka-cluster.id");
        if (!Files.exists(idFile)) {
            Files.createDirectories(dataDir);
            Files.writeString(idFile, Uuid.randomUuid().toString());
        }
        return Files.readString(idFile).trim();
    }

    /** Waits until the cluster at {@code bootstrapServers} reports {@code count} live brokers. */
    static void awaitBrokers(String bootstrapServers, int count, Duration timeout) throws Exception {
        var props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        var deadline = System.nanoTime() + timeout.toNanos();
        try (var admin = Admin.create(props)) {
            while (true) {
                try {
                    if (admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).size() >= count) {
                        return;
                    }
                } catch (ExecutionException | TimeoutException notYet) {
                    // a node is still starting
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Kafka did not report " + count + " brokers in time");
                }
                // A node not yet registered is no error to the admin client: it answers at once, so ask again soon.
                Thread.sleep(500);
            }
        }
    }

    void kill(int nodeId) throws InterruptedException {
        node(nodeId).kill();
    }

    /** Starts a killed node again on its data; returns once it listens. */
    void restart(int nodeId) throws Exception {
        var node = node(nodeId);
        node.start();
        if (!node.awaitListening(NODE_START_TIMEOUT)) {
            throw new IllegalStateException("Kafka node " + nodeId + " did not start again; see " + node.logFile());
        }
    }

    long pid(int nodeId) {
        return node(nodeId).pid();
    }

    /** Asks every node to stop first, so they shut down together rather than each waiting for the others. */
    void stop() {
        nodes.forEach(BrokerProcess::signalStop);
        nodes.forEach(BrokerProcess::stop);
    }

    private BrokerProcess node(int nodeId) {
        return nodes.stream()
                .filter(node -> node.node().id() == nodeId)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No Kafka node " + nodeId + " in a process"));
    }
}
