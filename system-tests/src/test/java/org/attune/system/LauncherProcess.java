package org.attune.system;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The local stack's launcher as a user starts it, {@code ./run-local.sh --skip-build}, in a process of its own (so a
 * test can {@code kill -9} it), on fixed free ports and a data directory of its own that survive its restarts.
 */
final class LauncherProcess {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    /** The first start after a build also trains the services' AOT caches (minutes on a loaded machine). */
    private static final Duration START_TIMEOUT = Duration.ofMinutes(10);

    private final Path repoRoot;
    private final Path dataDir;
    private final Map<String, Integer> ports = new HashMap<>();
    private Process process;
    private int starts;

    LauncherProcess(Path repoRoot, Path dataDir) throws IOException {
        this.repoRoot = repoRoot;
        this.dataDir = dataDir;
        var names = List.of(
                "ATTUNE_WEB_UI_PORT",
                "ATTUNE_CHECKIN_PORT",
                "ATTUNE_CONTENT_PORT",
                "ATTUNE_NOTIFICATION_PORT",
                "ATTUNE_KAFKA_PORT",
                "ATTUNE_KAFKA_CONTROLLER_PORT",
                "ATTUNE_MONGO_PORT",
                "ATTUNE_SMTP_PORT");
        var sockets = new ArrayList<ServerSocket>();
        var random = new java.util.Random();
        try {
            for (var name : names) {
                while (!ports.containsKey(name)) {
                    int port = LOWEST_PORT + random.nextInt(HIGHEST_PORT - LOWEST_PORT);
                    var pair = bindBoth(port, port + MANAGEMENT_OFFSET);
                    if (pair != null) {
                        sockets.addAll(pair);
                        ports.put(name, port);
                    }
                }
            }
        } finally {
            for (var socket : sockets) {
                socket.close();
            }
        }
    }

    /*
     * The ports stay the same across the launcher's restarts, so they come from below the kernel's ephemeral range
     * (32768-60999 by default): while the stack is down, an outgoing connection anywhere on the machine may take a
     * free ephemeral port as its source port, and the service restarted on it then fails ("Port 36609 was already in
     * use", round 4 of a five-round run on a busy machine). The actuator listens on each service's port + 1000.
     */
    private static final int LOWEST_PORT = 20_000;
    private static final int HIGHEST_PORT = 31_000;
    private static final int MANAGEMENT_OFFSET = 1000;

    /** Both ports bound (so no later pick takes them), or null when either is taken. */
    private static List<ServerSocket> bindBoth(int port, int managementPort) throws IOException {
        var first = new ServerSocket();
        try {
            first.bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
        } catch (IOException taken) {
            first.close();
            return null;
        }
        var second = new ServerSocket();
        try {
            second.bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), managementPort), 1);
        } catch (IOException taken) {
            first.close();
            second.close();
            return null;
        }
        return List.of(first, second);
    }

    /** Starts the launcher and waits until all four services answer healthy; returns how long that took. */
    Duration startAndAwaitHealthy() throws Exception {
        long started = System.nanoTime();
        starts++;
        var log = dataDir.resolve("launcher-" + starts + ".log");
        Files.createDirectories(dataDir);
        var builder = new ProcessBuilder("bash", "run-local.sh", "--skip-build", "--data-dir=" + dataDir)
                .directory(repoRoot.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        ports.forEach((name, port) -> builder.environment().put(name, String.valueOf(port)));
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        process = builder.start();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (!allHealthy()) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The launcher ended while starting; see " + log + ":\n" + tail(log));
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("The stack did not become healthy; see " + log + ":\n" + tail(log));
            }
            Thread.sleep(500);
        }
        return Duration.ofNanos(System.nanoTime() - started);
    }

    /** The services the launcher started: its child processes. */
    List<ProcessHandle> services() {
        return process.toHandle().children().toList();
    }

    void killMinus9() throws InterruptedException {
        process.toHandle().destroyForcibly();
        process.waitFor();
    }

    /** Stops the launcher as Ctrl-C does; it stops its services first. */
    void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            process.waitFor();
        }
    }

    int exitValue() {
        return process.exitValue();
    }

    Path currentLog() {
        return dataDir.resolve("launcher-" + starts + ".log");
    }

    /**
     * The token in the verification link the stack mailed to {@code address}, read from the mail log the launcher
     * writes into its data directory (this stack runs in another process, so there is no mailbox object to ask).
     */
    String verificationToken(String address) {
        var mailLog = dataDir.resolve("logs/mail.log");
        var token = java.util.regex.Pattern.compile(
                "To: " + java.util.regex.Pattern.quote(address)
                        + "\\nSubject: [^\\n]*Confirm your email.*?[?&]token=([A-Za-z0-9_-]+)",
                java.util.regex.Pattern.DOTALL);
        return org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .until(
                        () -> {
                            if (!Files.exists(mailLog)) {
                                return null;
                            }
                            var matcher = token.matcher(Files.readString(mailLog));
                            return matcher.find() ? matcher.group(1) : null;
                        },
                        java.util.Objects::nonNull);
    }

    URI webUiUrl() {
        return URI.create("http://127.0.0.1:" + ports.get("ATTUNE_WEB_UI_PORT"));
    }

    URI checkinUrl() {
        return URI.create("http://127.0.0.1:" + ports.get("ATTUNE_CHECKIN_PORT"));
    }

    String mongoUri() {
        return "mongodb://127.0.0.1:" + ports.get("ATTUNE_MONGO_PORT");
    }

    private boolean allHealthy() {
        for (var name : List.of(
                "ATTUNE_WEB_UI_PORT", "ATTUNE_CHECKIN_PORT", "ATTUNE_CONTENT_PORT", "ATTUNE_NOTIFICATION_PORT")) {
            // The actuator answers on each app's management port: its port + 1000 in the local stack.
            var request = HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + (ports.get(name) + 1000) + "/actuator/health"))
                    .timeout(Duration.ofSeconds(3))
                    .build();
            try {
                var response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200 || !response.body().contains("\"UP\"")) {
                    return false;
                }
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    static String tail(Path log) {
        try {
            var lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
