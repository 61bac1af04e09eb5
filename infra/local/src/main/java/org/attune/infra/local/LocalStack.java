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
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
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
    private static final Duration HEALTH_TIMEOUT = Duration.ofMinutes(4);
    /** Each further instance starts on the same few cores as the others: more time for all of them. */
    private static final Duration HEALTH_TIMEOUT_PER_EXTRA_INSTANCE = Duration.ofSeconds(90);

    private final StackSettings settings;
    private final Path repoRoot;
    private final Map<String, String> serviceEnvironment;
    private final List<ServiceProcess> services = new ArrayList<>();
    private final List<BrokerProcess> brokers = new ArrayList<>();
    private EmbeddedKafka kafka;
    private EmbeddedMongo mongo;
    private EmbeddedSmtp smtp;
    private Map<String, String> notificationEnvironment;
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
    public synchronized URI startAnotherInstance(String serviceName) throws Exception {
        var first = settings.services().stream()
                .filter(spec -> spec.name().equals(serviceName))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No service " + serviceName));
        var free = FreePorts.take(2);
        var spec = new ServiceSpec(first.name(), free[0], free[1], first.heap(), first.environment());
        var process = ServiceProcess.launch(
                spec, settings, repoRoot, environmentOf(spec), spec.name() + "-" + (services.size() + 1));
        services.add(process);
        if (!process.awaitHealthy(HEALTH_TIMEOUT)) {
            throw new IllegalStateException(serviceName + " did not become healthy; see " + process.logFile());
        }
        return URI.create("http://127.0.0.1:" + spec.port());
    }

    /**
     * How long {@link #start()} spent training AOT caches (once per build; zero when every cache was current), so a
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
        return services.stream()
                .filter(service -> service.spec().name().equals(serviceName))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No service " + serviceName))
                .pid();
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
        String dataDir = null;
        boolean wipe = false;
        int brokerCount = 1;
        int replicas = 1;
        try {
            for (String arg : args) {
                if (arg.equals("--wipe")) {
                    wipe = true;
                } else if (arg.startsWith("--data-dir=")) {
                    dataDir = arg.substring("--data-dir=".length());
                } else if (arg.startsWith("--brokers=")) {
                    brokerCount = Integer.parseInt(arg.substring("--brokers=".length()));
                } else if (arg.startsWith("--replicas=")) {
                    replicas = Integer.parseInt(arg.substring("--replicas=".length()));
                } else {
                    log.error("Unknown option {}. Options: --data-dir=PATH, --brokers=N, --replicas=N, --wipe", arg);
                    System.exit(2);
                }
            }
        } catch (NumberFormatException e) {
            log.error("--brokers and --replicas take a whole number, e.g. --brokers=3 --replicas=2");
            System.exit(2);
        }
        var workingDir = Path.of("").toAbsolutePath();
        StackSettings settings;
        try {
            settings = StackSettings.from(System.getenv(), workingDir, dataDir).scaledBy(brokerCount, replicas);
        } catch (IllegalArgumentException e) {
            log.error("{}", e.getMessage());
            System.exit(2);
            return;
        }
        if (wipe) {
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
                    brokerUp = startCluster(dataDir);
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

        var withSecret = new HashMap<>(serviceEnvironment);
        withSecret.putIfAbsent("ATTUNE_REMINDER_LINK_SECRET", LinkSecret.loadOrCreate(dataDir));
        notificationEnvironment = Map.copyOf(withSecret);
        long training = System.nanoTime();
        prepareAotCaches();
        aotTraining = Duration.ofNanos(System.nanoTime() - training);
        for (ServiceSpec spec : settings.services()) {
            services.add(ServiceProcess.launch(spec, settings, repoRoot, environmentOf(spec)));
        }
        for (ServiceSpec spec : settings.extraInstanceSpecs()) {
            services.add(ServiceProcess.launch(spec, settings, repoRoot, environmentOf(spec), logNameOf(spec)));
        }
        if (!awaitAllHealthy()) {
            return false;
        }
        Optional<DemoSignIn> demo = Optional.empty();
        if (DemoSignIn.enabled(System.getenv(), serviceEnvironment)) {
            demo = DemoSignIn.await(dataDir.resolve("web-ui").resolve(DemoSignIn.FILE), Duration.ofSeconds(20));
        }
        printWelcome(Duration.ofNanos(System.nanoTime() - started), demo);
        return true;
    }

    private static <T> T resultOf(Future<T> started) throws Exception {
        try {
            return started.get();
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    /**
     * Each Kafka node in a process of its own, on one cluster id kept in the data directory; ready when every node
     * has joined.
     */
    private boolean startCluster(Path dataDir) throws Exception {
        var idFile = dataDir.resolve("kafka-cluster.id");
        if (!java.nio.file.Files.exists(idFile)) {
            java.nio.file.Files.createDirectories(dataDir);
            java.nio.file.Files.writeString(idFile, Uuid.randomUuid().toString());
        }
        var clusterId = java.nio.file.Files.readString(idFile).trim();
        var controllerPorts = settings.kafkaNodes().stream()
                .map(EmbeddedKafka.Node::controllerPort)
                .toList();
        for (var node : settings.kafkaNodes()) {
            brokers.add(BrokerProcess.launch(node, dataDir, controllerPorts, clusterId));
        }
        for (var broker : brokers) {
            if (!broker.awaitListening(Duration.ofMinutes(2))) {
                log.error(
                        "Kafka node {} did not start; its log is {}",
                        broker.node().id(),
                        broker.logFile());
                return false;
            }
        }
        awaitBrokers(settings.brokers(), Duration.ofMinutes(2));
        log.info(
                "Kafka cluster of {} nodes: {} replicas of each topic, {} in sync before a write is acknowledged",
                settings.brokers(),
                EmbeddedKafka.replicationFactor(settings.brokers()),
                EmbeddedKafka.minInSyncReplicas(settings.brokers()));
        return true;
    }

    /** Waits until the cluster reports {@code count} live brokers. */
    public void awaitBrokers(int count, Duration timeout) throws Exception {
        var props = new java.util.Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        var deadline = System.nanoTime() + timeout.toNanos();
        try (var admin = Admin.create(props)) {
            while (true) {
                try {
                    if (admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).size() >= count) {
                        return;
                    }
                } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException notYet) {
                    // a node is still starting
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Kafka did not report " + count + " brokers in time");
                }
                Thread.sleep(500);
            }
        }
    }

    /** Node ids of the Kafka cluster (1, 2, …); one node (in this JVM) without {@code --brokers}. */
    public int brokerCount() {
        return settings.brokers();
    }

    /** {@code kill -9} of one Kafka node (only on a cluster, where each node is a process). */
    public void killBroker(int nodeId) throws InterruptedException {
        brokerProcess(nodeId).kill();
    }

    /** Starts a killed Kafka node again on its data; returns once it listens. */
    public void restartBroker(int nodeId) throws Exception {
        var broker = brokerProcess(nodeId);
        broker.start();
        if (!broker.awaitListening(Duration.ofMinutes(2))) {
            throw new IllegalStateException("Kafka node " + nodeId + " did not start again; see " + broker.logFile());
        }
    }

    public long brokerPid(int nodeId) {
        return brokerProcess(nodeId).pid();
    }

    private BrokerProcess brokerProcess(int nodeId) {
        return brokers.stream()
                .filter(broker -> broker.node().id() == nodeId)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No Kafka node " + nodeId + " in a process"));
    }

    /** One running instance of a service: where it answers and its operating-system process id. */
    public record Instance(String service, int index, URI url, URI managementUrl, long pid) {}

    /** Every instance of a service, the first (the one on the service's own port) first. */
    public synchronized List<Instance> instances(String serviceName) {
        var found = new ArrayList<Instance>();
        for (var service : services) {
            var spec = service.spec();
            if (spec.name().equals(serviceName)) {
                found.add(new Instance(
                        serviceName,
                        found.size(),
                        URI.create("http://127.0.0.1:" + spec.port()),
                        URI.create("http://127.0.0.1:" + spec.managementPort()),
                        service.pid()));
            }
        }
        return found;
    }

    /**
     * Starts instance {@code index} of a service again after it ended (e.g. by {@code kill -9}), on the same ports;
     * returns once it is healthy.
     */
    public void restartInstance(String serviceName, int index) throws Exception {
        ServiceProcess again;
        synchronized (this) {
            int slot = slotOf(serviceName, index);
            var old = services.get(slot);
            if (old.alive()) {
                throw new IllegalStateException(serviceName + " instance " + index + " is still running");
            }
            var spec = old.spec();
            var logName = old.logFile().getFileName().toString().replaceFirst("\\.log$", "");
            again = ServiceProcess.launch(spec, settings, repoRoot, environmentOf(spec), logName);
            services.set(slot, again);
        }
        // Not holding the lock: the other instances stay reachable through instances() meanwhile.
        if (!again.awaitHealthy(HEALTH_TIMEOUT)) {
            throw new IllegalStateException(serviceName + " did not become healthy again; see " + again.logFile());
        }
    }

    private int slotOf(String serviceName, int index) {
        int seen = 0;
        for (int i = 0; i < services.size(); i++) {
            if (services.get(i).spec().name().equals(serviceName) && seen++ == index) {
                return i;
            }
        }
        throw new IllegalArgumentException("No instance " + index + " of " + serviceName);
    }

    private String logNameOf(ServiceSpec spec) {
        long earlier = services.stream()
                .filter(s -> s.spec().name().equals(spec.name()))
                .count();
        return spec.name() + "-" + (earlier + 1);
    }

    /** The reminder-link secret goes to notification-service alone. */
    private Map<String, String> environmentOf(ServiceSpec spec) {
        return "notification-service".equals(spec.name()) && notificationEnvironment != null
                ? notificationEnvironment
                : serviceEnvironment;
    }

    /**
     * Each service's AOT cache, trained once per build, all at once (a training start costs what a start costs; after
     * that every start is faster). Only what is missing or out of date is trained.
     */
    private void prepareAotCaches() throws Exception {
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            var training = new ArrayList<Future<Boolean>>();
            for (ServiceSpec spec : settings.services()) {
                training.add(pool.submit(
                        () -> ServiceProcess.prepareAotCache(spec, settings, repoRoot, environmentOf(spec))));
            }
            for (var done : training) {
                done.get();
            }
        }
    }

    private boolean awaitAllHealthy() throws Exception {
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            var results = new ArrayList<Future<Boolean>>();
            for (ServiceProcess service : services) {
                results.add(pool.submit(
                        () -> service.awaitHealthy(HEALTH_TIMEOUT.plus(HEALTH_TIMEOUT_PER_EXTRA_INSTANCE.multipliedBy(
                                settings.scale().extraInstances().size())))));
            }
            boolean allHealthy = true;
            for (int i = 0; i < services.size(); i++) {
                var service = services.get(i);
                if (results.get(i).get()) {
                    log.info(
                            "{} is healthy on port {}",
                            service.spec().name(),
                            service.spec().port());
                } else {
                    allHealthy = false;
                    log.error(
                            "{} did not become healthy; its log is {}. Last lines:\n{}",
                            service.spec().name(),
                            service.logFile(),
                            String.join("\n", service.lastLogLines(30)));
                }
            }
            return allHealthy;
        }
    }

    private void printWelcome(Duration startup, Optional<DemoSignIn> demo) {
        var lines = String.join(
                System.lineSeparator(),
                "",
                "Attune is running (started in " + startup.toSeconds() + " s).",
                "",
                "  Open            http://localhost:" + settings.webUiPort(),
                "  checkin API     http://localhost:" + settings.checkinPort() + "/swagger-ui.html",
                "  content API     http://localhost:" + settings.contentPort() + "/swagger-ui.html",
                "  notification    http://localhost:" + settings.notificationPort() + "/swagger-ui.html",
                "  Kafka           " + settings.bootstrapServers()
                        + (settings.brokers() > 1 ? " (" + settings.brokers() + " nodes)" : ""),
                settings.replicas() > 1
                        ? "  Instances       " + settings.replicas()
                                + " of checkin-, content- and notification-service (web-ui balances over them)"
                        : "",
                "  MongoDB         " + mongo.connectionString(),
                "  SMTP (catch-all) 127.0.0.1:" + settings.smtpPort() + " (never sent on; every mail is written to "
                        + smtp.mailLog() + ")",
                "  Health, metrics http://localhost:"
                        + settings.managementPorts().webUi()
                        + "/actuator/prometheus (web-ui; each service on its port + "
                        + StackSettings.MANAGEMENT_PORT_OFFSET + ")",
                "  Logs            " + settings.dataDir().resolve("logs"),
                "",
                demo.map(d -> d.lines() + System.lineSeparator() + System.lineSeparator())
                                .orElse("")
                        + (demo.isPresent()
                                ? "Next: open the web UI and sign in as the demo client or therapist. Ctrl-C stops"
                                : "Next: open the web UI and create an account. Ctrl-C stops")
                        + " everything;",
                "your data stays in " + settings.dataDir() + " (./run-local.sh --wipe deletes it).",
                "");
        log.info(lines);
    }

    public synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        log.info("Stopping Attune...");
        services.reversed().forEach(ServiceProcess::stop);
        if (kafka != null) {
            kafka.close();
        }
        brokers.forEach(BrokerProcess::signalStop);
        brokers.forEach(BrokerProcess::stop);
        if (mongo != null) {
            mongo.close();
        }
        if (smtp != null) {
            smtp.close();
        }
        log.info("Stopped. Data kept in {}", settings.dataDir());
    }
}
