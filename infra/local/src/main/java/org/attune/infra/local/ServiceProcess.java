package org.attune.infra.local;

import java.io.IOException;
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
import java.util.concurrent.TimeUnit;

/** A service running as its own operating-system process, with its output in a log file. */
final class ServiceProcess {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final ServiceSpec spec;
    private final Process process;
    private final Path logFile;

    private ServiceProcess(ServiceSpec spec, Process process, Path logFile) {
        this.spec = spec;
        this.process = process;
        this.logFile = logFile;
    }

    static ServiceProcess launch(
            ServiceSpec spec, StackSettings settings, Path repoRoot, Map<String, String> extraEnvironment)
            throws IOException {
        return launch(spec, settings, repoRoot, extraEnvironment, spec.name());
    }

    /** The same, logging to {@code logName}.log (a second instance of a service gets a log of its own). */
    static ServiceProcess launch(
            ServiceSpec spec,
            StackSettings settings,
            Path repoRoot,
            Map<String, String> extraEnvironment,
            String logName)
            throws IOException {
        var jar = repoRoot.resolve(spec.jarPath());
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build first (./run-local.sh builds it)");
        }
        var logFile = settings.dataDir().resolve("logs").resolve(logName + ".log");
        Files.createDirectories(logFile.getParent());
        var java = javaExecutable();
        var environment = environmentOf(spec, settings, extraEnvironment);
        var command = new ArrayList<String>();
        command.add(java);
        command.addAll(jvmOptions(spec));
        command.addAll(AotCache.of(jar).launchArguments(java, jvmOptions(spec), environment));
        var builder = new ProcessBuilder(command)
                .directory(repoRoot.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        builder.environment().putAll(environment);
        return new ServiceProcess(spec, builder.start(), logFile);
    }

    /**
     * Sized from measurement (idle RSS and start of each service): serial GC and C1 only, a small thread stack and
     * code cache. The AOT cache is made with exactly these options, so they are part of its stamp.
     */
    static List<String> jvmOptions(ServiceSpec spec) {
        return List.of(
                // Without -Xms the JVM commits 1/64 of the machine's memory, more than -Xmx here: the whole heap from
                // the first second, and an eden that every allocation burst touches in full.
                "-Xms32m",
                "-Xmx" + spec.heap(),
                "-XX:+UseCompactObjectHeaders",
                "-Xss512k",
                "-XX:+UseSerialGC",
                "-XX:MaxMetaspaceSize=192m",
                "-XX:ReservedCodeCacheSize=64m",
                "-XX:TieredStopAtLevel=1");
    }

    /** Trains the service's AOT cache now unless a current one exists (for a launcher that prepares before timing). */
    static boolean prepareAotCache(
            ServiceSpec spec, StackSettings settings, Path repoRoot, Map<String, String> extraEnvironment) {
        var jar = repoRoot.resolve(spec.jarPath());
        return Files.isRegularFile(jar)
                && AotCache.of(jar)
                        .ensure(javaExecutable(), jvmOptions(spec), environmentOf(spec, settings, extraEnvironment));
    }

    private static Map<String, String> environmentOf(
            ServiceSpec spec, StackSettings settings, Map<String, String> extraEnvironment) {
        var env = new HashMap<String, String>();
        env.put("SERVER_PORT", String.valueOf(spec.port()));
        env.put("MANAGEMENT_SERVER_PORT", String.valueOf(spec.managementPort()));
        env.put("SPRING_KAFKA_BOOTSTRAP_SERVERS", settings.bootstrapServers());
        // The service watches this process and ends when it is gone, even after a kill -9 (service-kit's ParentWatch).
        env.put("ATTUNE_PARENT_PID", String.valueOf(ProcessHandle.current().pid()));
        // With the launcher gone its broker and store are gone too: an orderly exit has nothing left to finish.
        env.put("ATTUNE_PARENT_GRACE", "5s");
        // glibc gives each thread that allocates its own arena (64 MiB reserved, partly touched); a JVM mallocs little.
        env.put("MALLOC_ARENA_MAX", "2");
        env.putAll(extraEnvironment);
        env.putAll(spec.environment());
        return env;
    }

    private static String javaExecutable() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    /** Polls {@code /actuator/health} on the management port until it answers UP, the process dies, or the deadline passes. */
    boolean awaitHealthy(Duration timeout) throws InterruptedException {
        var deadline = System.nanoTime() + timeout.toNanos();
        var request = HttpRequest.newBuilder(URI.create(spec.healthUrl()))
                .timeout(Duration.ofSeconds(3))
                .build();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                return false;
            }
            try {
                var response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains("\"UP\"")) {
                    return true;
                }
            } catch (IOException notYetListening) {
                // still starting
            }
            Thread.sleep(500);
        }
        return false;
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

    ServiceSpec spec() {
        return spec;
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

    List<String> lastLogLines(int count) {
        try {
            var lines = Files.readAllLines(logFile);
            return lines.subList(Math.max(0, lines.size() - count), lines.size());
        } catch (IOException e) {
            return List.of("(log unreadable: " + e.getMessage() + ")");
        }
    }
}
