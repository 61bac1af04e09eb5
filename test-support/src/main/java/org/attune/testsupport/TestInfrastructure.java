package org.attune.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.attune.events.Topics;
import org.attune.infra.local.EmbeddedKafka;
import org.attune.infra.local.EmbeddedMongo;
import org.attune.infra.local.TopicProvisioner;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * The Kafka broker and MongoDB that integration tests run against, started once per JVM.
 *
 * <p>With a Docker engine: real Apache Kafka and MongoDB 8 (replica set) in Testcontainers. Without one: the same
 * in-process KRaft broker and mongo-java-server the local stack uses, on free ports. Set the system property or
 * environment variable {@code attune.test.infrastructure} / {@code ATTUNE_TEST_INFRASTRUCTURE} to {@code embedded}
 * or {@code testcontainers} to force one.
 */
public final class TestInfrastructure {

    public enum Mode {
        EMBEDDED,
        TESTCONTAINERS
    }

    private static TestInfrastructure instance;

    private final Mode mode;
    private final String bootstrapServers;
    private final String mongoConnectionString;

    private TestInfrastructure(Mode mode, String bootstrapServers, String mongoConnectionString) {
        this.mode = mode;
        this.bootstrapServers = bootstrapServers;
        this.mongoConnectionString = mongoConnectionString;
    }

    public static synchronized TestInfrastructure get() {
        if (instance == null) {
            try {
                instance = start(chooseMode());
                // The deployed retention, so tests see the topics as a deployment has them.
                TopicProvisioner.createAll(instance.bootstrapServers, Topics.DEFAULT_RETENTION);
            } catch (Exception e) {
                throw new IllegalStateException("Could not start test infrastructure", e);
            }
        }
        return instance;
    }

    static Mode chooseMode() {
        var configured = System.getProperty(
                "attune.test.infrastructure", System.getenv().getOrDefault("ATTUNE_TEST_INFRASTRUCTURE", "auto"));
        return switch (configured.trim().toLowerCase(Locale.ROOT)) {
            case "embedded" -> Mode.EMBEDDED;
            case "testcontainers" -> Mode.TESTCONTAINERS;
            case "auto", "" -> dockerAvailable() ? Mode.TESTCONTAINERS : Mode.EMBEDDED;
            default ->
                throw new IllegalArgumentException("attune.test.infrastructure must be auto, embedded or "
                        + "testcontainers, was '" + configured + "'");
        };
    }

    public static boolean dockerAvailable() {
        // Asking Testcontainers logs a loud error when there is no engine; look for a socket first.
        var home = System.getProperty("user.home");
        if (System.getenv("DOCKER_HOST") == null
                && !Files.exists(Path.of("/var/run/docker.sock"))
                && !Files.exists(Path.of(home, ".docker/run/docker.sock"))
                && !Files.exists(Path.of(home, ".testcontainers.properties"))) {
            return false;
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            return false;
        }
    }

    static TestInfrastructure start(Mode mode) throws Exception {
        return switch (mode) {
            case EMBEDDED -> startEmbedded();
            case TESTCONTAINERS -> startContainers();
        };
    }

    private static TestInfrastructure startEmbedded() throws Exception {
        var logDir = Files.createTempDirectory("attune-test-kafka");
        var kafka = EmbeddedKafka.start(logDir, FreePorts.next(), FreePorts.next());
        var mongo = EmbeddedMongo.startInMemory(0);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            kafka.close();
            mongo.close();
            deleteQuietly(logDir);
        }));
        return new TestInfrastructure(Mode.EMBEDDED, kafka.bootstrapServers(), mongo.connectionString());
    }

    @SuppressWarnings("resource") // Testcontainers' reaper stops them when the JVM ends.
    private static TestInfrastructure startContainers() {
        var kafka = new KafkaContainer("apache/kafka:4.1.2");
        var mongo = new MongoDBContainer("mongo:8").withReplicaSet();
        kafka.start();
        mongo.start();
        var replicaSetUrl = mongo.getReplicaSetUrl();
        // getReplicaSetUrl ends with "/test"; strip the database so callers choose theirs.
        var base = replicaSetUrl.substring(0, replicaSetUrl.lastIndexOf('/'));
        return new TestInfrastructure(Mode.TESTCONTAINERS, kafka.getBootstrapServers(), base);
    }

    private static void deleteQuietly(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        } catch (Exception ignored) {
            // a temp directory; the OS cleans it eventually
        }
    }

    public Mode mode() {
        return mode;
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** A connection string for {@code database}, with the replica-set options kept where there are any. */
    public String mongoUri(String database) {
        int query = mongoConnectionString.indexOf('?');
        if (query < 0) {
            return mongoConnectionString + "/" + database;
        }
        return mongoConnectionString.substring(0, query) + "/" + database + mongoConnectionString.substring(query);
    }
}
