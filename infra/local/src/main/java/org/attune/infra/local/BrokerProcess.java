package org.attune.infra.local;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/** A node of the local Kafka cluster as a child process ({@link BrokerMain}), with its output in a log file. */
final class BrokerProcess {

    private static final String BOOT_LAUNCHER = "org.springframework.boot.loader.launch.PropertiesLauncher";

    private final EmbeddedKafka.Node node;
    private final Path logDir;
    private final Path logFile;
    private final List<Integer> controllerPorts;
    private final String clusterId;
    private Process process;

    private BrokerProcess(
            EmbeddedKafka.Node node, Path logDir, Path logFile, List<Integer> controllerPorts, String clusterId) {
        this.node = node;
        this.logDir = logDir;
        this.logFile = logFile;
        this.controllerPorts = List.copyOf(controllerPorts);
        this.clusterId = clusterId;
    }

    static BrokerProcess launch(EmbeddedKafka.Node node, Path dataDir, List<Integer> controllerPorts, String clusterId)
            throws IOException {
        var broker = new BrokerProcess(
                node,
                dataDir.resolve("kafka-" + node.id()),
                dataDir.resolve("logs").resolve("kafka-" + node.id() + ".log"),
                controllerPorts,
                clusterId);
        broker.start();
        return broker;
    }

    /** Starts the node again on its own data (after {@link #kill()}); it catches up from the other replicas. */
    synchronized void start() throws IOException {
        Files.createDirectories(logFile.getParent());
        var command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "-Xmx256m",
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1"));
        var logback = System.getProperty("logback.configurationFile");
        if (logback != null) {
            command.add("-Dlogback.configurationFile=" + logback);
        }
        command.addAll(classpathAndMain());
        command.addAll(List.of(
                logDir.toString(),
                String.valueOf(node.id()),
                String.valueOf(node.port()),
                String.valueOf(node.controllerPort()),
                controllerPorts.stream().map(String::valueOf).collect(Collectors.joining(",")),
                clusterId,
                String.valueOf(ProcessHandle.current().pid())));
        process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .start();
    }

    /**
     * The launcher runs from Spring Boot's executable jar, whose nested jars only Boot's launcher can read; tests run it
     * from a plain class path the child can take as it is.
     */
    private static List<String> classpathAndMain() {
        var classpath = System.getProperty("java.class.path");
        try {
            Class.forName(BOOT_LAUNCHER, false, ClassLoader.getSystemClassLoader());
            return List.of("-cp", classpath, "-Dloader.main=" + BrokerMain.class.getName(), BOOT_LAUNCHER);
        } catch (ClassNotFoundException plainClassPath) {
            return List.of("-cp", classpath, BrokerMain.class.getName());
        }
    }

    /** Waits until the node's port accepts connections; false if the process ended or the time ran out. */
    boolean awaitListening(Duration timeout) throws InterruptedException {
        var deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                return false;
            }
            try (var socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", node.port()), 500);
                return true;
            } catch (IOException notYet) {
                Thread.sleep(300);
            }
        }
        return false;
    }

    /** {@code kill -9}: the node ends at once, as on a lost machine, with nothing flushed or handed over. */
    synchronized void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** Asks the node to shut down; {@link #stop()} then waits for it (so all nodes of a cluster stop together). */
    void signalStop() {
        process.destroy();
    }

    void stop() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    EmbeddedKafka.Node node() {
        return node;
    }

    long pid() {
        return process.pid();
    }

    boolean alive() {
        return process.isAlive();
    }

    Path logFile() {
        return logFile;
    }
}
