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
 */
public final class LocalStack implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalStack.class);
    private static final Duration HEALTH_TIMEOUT = Duration.ofMinutes(4);

    private final StackSettings settings;
    private final Path repoRoot;
    private final Map<String, String> serviceEnvironment;
    private final List<ServiceProcess> services = new ArrayList<>();
    private EmbeddedKafka kafka;
    private EmbeddedMongo mongo;
    private EmbeddedSmtp smtp;
    private Map<String, String> notificationEnvironment;
    private boolean stopped;

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
        var ports = FreePorts.take(12);
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
        return new LocalStack(settings, repoRoot.toAbsolutePath().normalize(), serviceEnvironment);
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
        for (String arg : args) {
            if (arg.equals("--wipe")) {
                wipe = true;
            } else if (arg.startsWith("--data-dir=")) {
                dataDir = arg.substring("--data-dir=".length());
            } else {
                log.error("Unknown option {}. Options: --data-dir=PATH, --wipe", arg);
                System.exit(2);
            }
        }
        var workingDir = Path.of("").toAbsolutePath();
        var settings = StackSettings.from(System.getenv(), workingDir, dataDir);
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
        kafka = EmbeddedKafka.start(dataDir.resolve("kafka"), settings.kafkaPort(), settings.kafkaControllerPort());
        mongo = EmbeddedMongo.startPersistent(dataDir.resolve("mongo/attune.mv"), settings.mongoPort());
        smtp = EmbeddedSmtp.start(settings.smtpPort(), dataDir.resolve("logs/mail.log"));
        TopicProvisioner.createAll(kafka.bootstrapServers(), settings.kafkaRetention());
        log.info("Kafka at {}, MongoDB protocol at {}", kafka.bootstrapServers(), mongo.connectionString());

        var withSecret = new HashMap<>(serviceEnvironment);
        withSecret.putIfAbsent("ATTUNE_REMINDER_LINK_SECRET", LinkSecret.loadOrCreate(dataDir));
        notificationEnvironment = Map.copyOf(withSecret);
        for (ServiceSpec spec : settings.services()) {
            services.add(ServiceProcess.launch(spec, settings, repoRoot, environmentOf(spec)));
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

    /** The reminder-link secret goes to notification-service alone. */
    private Map<String, String> environmentOf(ServiceSpec spec) {
        return "notification-service".equals(spec.name()) && notificationEnvironment != null
                ? notificationEnvironment
                : serviceEnvironment;
    }

    private boolean awaitAllHealthy() throws Exception {
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            var results = new ArrayList<Future<Boolean>>();
            for (ServiceProcess service : services) {
                results.add(pool.submit(() -> service.awaitHealthy(HEALTH_TIMEOUT)));
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
                "  Kafka           " + settings.bootstrapServers(),
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
        if (mongo != null) {
            mongo.close();
        }
        if (smtp != null) {
            smtp.close();
        }
        log.info("Stopped. Data kept in {}", settings.dataDir());
    }
}
