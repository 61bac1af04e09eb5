package org.attune.infra.local;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.attune.events.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs all of Attune on one machine: a Kafka broker and a MongoDB-protocol server in this JVM, and the four
 * services as child processes. Ctrl-C stops everything; data stays in the data directory until {@code --wipe}.
 *
 * <p>{@code --brokers=3} runs a Kafka cluster instead, each node a child process (so one can be lost to a
 * {@code kill -9} like a machine); {@code --replicas=2} runs two instances of checkin-, content- and
 * notification-service, which web-ui balances its calls over.
 */
public final class LocalStack implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalStack.class);

    private final StackSettings settings;
    private final Path repoRoot;
    private final Map<String, String> serviceEnvironment;
    private ServiceInstances services;
    private KafkaCluster cluster;
    private EmbeddedKafka kafka;
    private EmbeddedMongo mongo;
    private EmbeddedSmtp smtp;
    private boolean stopped;
    private Duration aotTraining = Duration.ZERO;

    LocalStack(StackSettings settings, Path repoRoot) {
        this(settings, repoRoot, Map.of());
    }

    private LocalStack(StackSettings settings, Path repoRoot, Map<String, String> serviceEnvironment) {
        this.settings = settings;
        this.repoRoot = repoRoot;
        this.serviceEnvironment = Map.copyOf(serviceEnvironment);
    }

    /**
     * A whole stack for system tests: every port chosen free, data in {@code dataDir}, and extra environment for
     * every service (e.g. demo mode). Nothing listens on the default ports, so it can run beside a local stack.
     */
    public static LocalStack onFreePorts(Path repoRoot, Path dataDir, Map<String, String> serviceEnvironment)
            throws IOException {
        return onFreePorts(repoRoot, dataDir, serviceEnvironment, 1, 1);
    }

    /**
     * The same with {@code brokers} Kafka nodes (each a child process once there are more than one) and
     * {@code replicas} instances of checkin-, content- and notification-service, all on free ports.
     */
    public static LocalStack onFreePorts(
            Path repoRoot, Path dataDir, Map<String, String> serviceEnvironment, int brokers, int replicas)
            throws IOException {
        int extraBrokers = brokers - 1;
        int extraInstances = (replicas - 1) * StackSettings.SCALED_SERVICES.size();
        var ports = FreePorts.take(12 + 2 * extraBrokers + 2 * extraInstances);
        var settings = new StackSettings(
                dataDir.toAbsolutePath().normalize(),
                ports[0],
                ports[1],
                ports[2],
                ports[3],
                ports[4],
                ports[5],
                ports[6],
                ports[7],
                new StackSettings.ManagementPorts(ports[8], ports[9], ports[10], ports[11]),
                Topics.DEFAULT_RETENTION);
        int next = 12;
        var brokerNodes = new ArrayList<EmbeddedKafka.Node>();
        for (int i = 1; i < brokers; i++) {
            brokerNodes.add(new EmbeddedKafka.Node(i + 1, ports[next++], ports[next++]));
        }
        var instances = new ArrayList<StackSettings.Instance>();
        for (int k = 1; k < replicas; k++) {
            for (var service : StackSettings.SCALED_SERVICES) {
                instances.add(new StackSettings.Instance(service, ports[next++], ports[next++]));
            }
        }
        return new LocalStack(
                settings.withScale(new StackSettings.Scale(brokerNodes, instances)),
                repoRoot.toAbsolutePath().normalize(),
                serviceEnvironment);
    }

    /**
     * Starts one more instance of a service on a free port, with the same store, broker and settings as the first
     * (for scale-out tests); it stops with the stack. Returns its base URL once it is healthy.
     */
    public URI startAnotherInstance(String serviceName) throws Exception {
        return started().startAnother(serviceName);
    }

    /**
     * How long {@link #start()} spent training AOT caches (once per changed jar; zero when every cache was current), so a
     * measured start can tell the start itself from that.
     */
    public Duration aotTraining() {
        return aotTraining;
    }

    public URI webUiUrl() {
        return URI.create("http://localhost:" + settings.webUiPort());
    }

    public URI checkinUrl() {
        return URI.create("http://127.0.0.1:" + settings.checkinPort());
    }

    public URI contentUrl() {
        return URI.create("http://127.0.0.1:" + settings.contentPort());
    }

    public URI notificationUrl() {
        return URI.create("http://127.0.0.1:" + settings.notificationPort());
    }

    public String mongoUri(String database) {
        return settings.mongoUri(database);
    }

    public String bootstrapServers() {
        return settings.bootstrapServers();
    }

    /** The operating-system process id of one service ({@code web-ui}, {@code checkin-service}, …). */
    public long pidOf(String serviceName) {
        return started().pidOf(serviceName);
    }

    public Path dataDir() {
        return settings.dataDir();
    }

    /** The catch-all SMTP server every service sends to (for tests that open a mailed link). */
    public EmbeddedSmtp mail() {
        return smtp;
    }

    /** Where web-ui serves its actuator endpoints. */
    public URI webUiManagementUrl() {
        return URI.create("http://127.0.0.1:" + settings.managementPorts().webUi());
    }

    @Override
    public void close() {
        stop();
    }

    public static void main(String[] args) throws Exception {
        LaunchOptions options;
        try {
            options = LaunchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            log.error("{}", e.getMessage());
            System.exit(2);
            return;
        }
        var workingDir = Path.of("").toAbsolutePath();
        StackSettings settings;
        try {
            settings = StackSettings.from(System.getenv(), workingDir, options.dataDir())
                    .scaledBy(options.brokers(), options.replicas());
        } catch (IllegalArgumentException e) {
            log.error("{}", e.getMessage());
            System.exit(2);
            return;
        }
        if (options.wipe()) {
            Directories.deleteRecursively(settings.dataDir());
            log.info("Deleted all local data in {}", settings.dataDir());
            return;
        }
        var stack = new LocalStack(settings, workingDir);
        var stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stack.stop();
            stopped.countDown();
        }));
        if (!stack.start()) {
            System.exit(1);
        }
        stopped.await();
    }

    /**
     * Starts everything and waits until every service reports healthy; false (with the logs shown) if not, and false
     * at once, starting nothing, if a port it needs is taken.
     */
    public boolean start() throws Exception {
        long started = System.nanoTime();
        var taken = PortCheck.taken(settings.neededPorts());
        if (!taken.isEmpty()) {
            var lines = taken.stream()
                    .map(port -> System.lineSeparator() + "  " + port.describe())
                    .toList();
            log.error("Attune did not start: a port it needs is taken.{}", String.join("", lines));
            return false;
        }
        var dataDir = settings.dataDir();
        log.info("Data directory: {}", dataDir);
        // The store and the mail catcher start while Kafka does (each takes seconds; none needs another).
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            var store = pool.submit(
                    () -> EmbeddedMongo.startPersistent(dataDir.resolve("mongo/attune.mv"), settings.mongoPort()));
            var mail = pool.submit(() -> EmbeddedSmtp.start(settings.smtpPort(), dataDir.resolve("logs/mail.log")));
            boolean brokerUp;
            try {
                if (settings.brokers() == 1) {
                    kafka = EmbeddedKafka.start(
                            dataDir.resolve("kafka"), settings.kafkaPort(), settings.kafkaControllerPort());
                    brokerUp = true;
                } else {
                    cluster = new KafkaCluster(settings);
                    brokerUp = cluster.start(dataDir);
                }
            } finally {
                // Kept even when Kafka failed, so that stop() closes them.
                mongo = resultOf(store);
                smtp = resultOf(mail);
            }
            if (!brokerUp) {
                return false;
            }
        }
        TopicProvisioner.createAll(
                settings.bootstrapServers(),
                settings.kafkaRetention(),
                EmbeddedKafka.replicationFactor(settings.brokers()));
        log.info("Kafka at {}, MongoDB protocol at {}", settings.bootstrapServers(), mongo.connectionString());

        var notificationEnvironment = new HashMap<>(serviceEnvironment);
        notificationEnvironment.putIfAbsent("ATTUNE_REMINDER_LINK_SECRET", LinkSecret.loadOrCreate(dataDir));
        var instances = new ServiceInstances(settings, repoRoot, serviceEnvironment, notificationEnvironment);
        synchronized (this) {
            services = instances;
        }
        long training = System.nanoTime();
        instances.prepareAotCaches();
        aotTraining = Duration.ofNanos(System.nanoTime() - training);
        if (!instances.startAll()) {
            return false;
        }
        Optional<DemoSignIn> demo = Optional.empty();
        if (DemoSignIn.enabled(System.getenv(), serviceEnvironment)) {
            demo = DemoSignIn.await(dataDir.resolve("web-ui").resolve(DemoSignIn.FILE), Duration.ofSeconds(20));
        }
        log.info(WelcomeText.of(settings, Duration.ofNanos(System.nanoTime() - started), demo, mongo, smtp));
        return true;
    }

    private static <T> T resultOf(Future<T> started) throws Exception {
        try {
            return started.get();
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    /** {@code kill -9} of one Kafka node (only on a cluster, where each node is a process). */
    public void killBroker(int nodeId) throws InterruptedException {
        cluster().kill(nodeId);
    }

    /** Starts a killed Kafka node again on its data; returns once it listens. */
    public void restartBroker(int nodeId) throws Exception {
        cluster().restart(nodeId);
    }

    private KafkaCluster cluster() {
        if (cluster == null) {
            throw new IllegalStateException("Kafka runs in this JVM: only a cluster (--brokers=3) has nodes to lose");
        }
        return cluster;
    }

    /** One running instance of a service: where it answers and its operating-system process id. */
    public record Instance(String service, int index, URI url, URI managementUrl, long pid) {}

    /** Every instance of a service, the first (the one on the service's own port) first. */
    public List<Instance> instances(String serviceName) {
        return started().instances(serviceName);
    }

    /**
     * Starts instance {@code index} of a service again after it ended (e.g. by {@code kill -9}), on the same ports;
     * returns once it is healthy.
     */
    public void restartInstance(String serviceName, int index) throws Exception {
        started().restart(serviceName, index);
    }

    private synchronized ServiceInstances started() {
        if (services == null) {
            throw new IllegalStateException("The stack's services have not been started");
        }
        return services;
    }

    public synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        log.info("Stopping Attune...");
        if (services != null) {
            services.stop();
        }
        if (kafka != null) {
            kafka.close();
        }
        if (cluster != null) {
            cluster.stop();
        }
        if (mongo != null) {
            mongo.close();
        }
        if (smtp != null) {
            smtp.close();
        }
        log.info("Stopped. Data kept in {}", settings.dataDir());
    }
}
