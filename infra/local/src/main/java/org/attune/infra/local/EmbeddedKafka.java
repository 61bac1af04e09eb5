package org.attune.infra.local;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * A real Apache Kafka broker in KRaft mode (broker and controller in one), running in this JVM: alone, or as one node
 * of a cluster whose controllers vote together ({@link BrokerMain} runs each node of a cluster in a process of its own).
 *
 * <p>Storage is formatted once, when {@code meta.properties} is missing, so a restart keeps every topic and offset.
 */
public final class EmbeddedKafka implements AutoCloseable {

    private static final int NODE_ID = 1;

    private final int port;
    private final KafkaRaftServer server;

    private EmbeddedKafka(int port, KafkaRaftServer server) {
        this.port = port;
        this.server = server;
    }

    /** Starts a broker listening on {@code port}, with its controller on {@code controllerPort}. */
    public static EmbeddedKafka start(Path logDir, int port, int controllerPort) throws Exception {
        return start(
                logDir,
                new Node(NODE_ID, port, controllerPort),
                List.of(controllerPort),
                Uuid.randomUuid().toString());
    }

    /** One node of a KRaft cluster, its broker on {@code port} and its controller on {@code controllerPort}. */
    record Node(int id, int port, int controllerPort) {}

    /**
     * Starts node {@code node} of a cluster whose controllers listen on {@code controllerPorts} (node ids 1, 2, …);
     * internal topics get a replica on each node, up to three, and need all but one of them in sync.
     */
    static EmbeddedKafka start(Path logDir, Node node, List<Integer> controllerPorts, String clusterId)
            throws Exception {
        Files.createDirectories(logDir);
        var props = brokerProperties(logDir, node, controllerPorts);
        if (!Files.exists(logDir.resolve("meta.properties"))) {
            format(logDir, node.id(), clusterId);
        }
        var server = new KafkaRaftServer(new KafkaConfig(props, false), Time.SYSTEM);
        server.startup();
        return new EmbeddedKafka(node.port(), server);
    }

    /** Replicas of a topic on a cluster of {@code brokers}: three at most. */
    static int replicationFactor(int brokers) {
        return Math.min(3, brokers);
    }

    /** Replicas that must have a write before it is acknowledged: all but one, once there are three. */
    static int minInSyncReplicas(int brokers) {
        return Math.max(1, replicationFactor(brokers) - 1);
    }

    private static Properties brokerProperties(Path logDir, Node node, List<Integer> controllerPorts) {
        int port = node.port();
        int controllerPort = node.controllerPort();
        var voters = new StringBuilder();
        for (int i = 0; i < controllerPorts.size(); i++) {
            voters.append(i == 0 ? "" : ",").append(i + 1).append("@127.0.0.1:").append(controllerPorts.get(i));
        }
        var replication = String.valueOf(replicationFactor(controllerPorts.size()));
        var minIsr = String.valueOf(minInSyncReplicas(controllerPorts.size()));
        var props = new Properties();
        props.put("process.roles", "broker,controller");
        props.put("node.id", String.valueOf(node.id()));
        props.put("controller.quorum.voters", voters.toString());
        props.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        props.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        props.put("controller.listener.names", "CONTROLLER");
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        props.put("log.dirs", logDir.toAbsolutePath().toString());
        props.put("num.partitions", "3");
        props.put("auto.create.topics.enable", "false");
        props.put("default.replication.factor", replication);
        props.put("min.insync.replicas", minIsr);
        props.put("offsets.topic.replication.factor", replication);
        props.put("offsets.topic.num.partitions", "3");
        props.put("transaction.state.log.replication.factor", replication);
        props.put("transaction.state.log.min.isr", minIsr);
        props.put("transaction.state.log.num.partitions", "3");
        props.put("share.coordinator.state.topic.replication.factor", replication);
        props.put("share.coordinator.state.topic.min.isr", minIsr);
        props.put("group.initial.rebalance.delay.ms", "0");
        // A lost node leaves the in-sync replicas within seconds, so acks=all writes go on with the others.
        props.put("broker.heartbeat.interval.ms", "1000");
        props.put("broker.session.timeout.ms", "6000");
        props.put("replica.lag.time.max.ms", "10000");
        // A small machine: keep the broker's threads and memory modest.
        props.put("num.network.threads", "2");
        props.put("num.io.threads", "2");
        props.put("background.threads", "2");
        props.put("log.cleaner.dedupe.buffer.size", String.valueOf(8 * 1024 * 1024));
        props.put("log.cleaner.threads", "1");
        props.put("log.segment.bytes", String.valueOf(16 * 1024 * 1024));
        return props;
    }

    private static void format(Path logDir, int nodeId, String clusterId) throws Exception {
        new Formatter()
                .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                .setSupportedFeatures(Feature.PRODUCTION_FEATURES)
                .setNodeId(nodeId)
                .setClusterId(clusterId)
                .setDirectories(List.of(logDir.toAbsolutePath().toString()))
                .setMetadataLogDirectory(logDir.toAbsolutePath().toString())
                .setControllerListenerName("CONTROLLER")
                .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                .run();
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
    }

    /** Deletes a broker's data directory; only for a stopped broker. */
    public static void wipe(Path logDir) throws IOException {
        Directories.deleteRecursively(logDir);
    }
}
