package org.attune.infra.local;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Java 25's ahead-of-time cache for one service jar, made the way Spring Boot documents it: the executable jar
 * extracted ({@code -Djarmode=tools extract}), one training start that ends once the context has refreshed
 * ({@code -Dspring.context.exit=onRefresh}, {@code -XX:AOTCacheOutput}), then every start with {@code -XX:AOTCache}.
 * The classes come loaded and linked from the cache instead of being read, verified and linked from the jar on every
 * start: the largest part of a service's start on two cores.
 *
 * <p>Kept next to the jar ({@code <service>/target/aot/}), stamped with the jar's content, the JVM and the
 * options: a jar with other classes or another JVM trains again (a cache made for other classes would be refused by the JVM
 * anyway, silently, and the start would just be slow). If training fails the service starts from its jar as before.
 */
final class AotCache {

    private static final Logger log = LoggerFactory.getLogger(AotCache.class);
    private static final long TRAINING_TIMEOUT_MINUTES = 10;
    /** Two stacks in one JVM (system tests) must not train the same service at once; the file lock covers processes. */
    private static final Map<Path, Object> IN_THIS_JVM = new ConcurrentHashMap<>();

    private final Path jar;
    private final Path directory;

    private AotCache(Path jar) {
        this.jar = jar;
        this.directory = jar.resolveSibling("aot");
    }

    static AotCache of(Path jar) {
        return new AotCache(jar.toAbsolutePath().normalize());
    }

    /**
     * What follows the JVM options on the command line: {@code -XX:AOTCache=… -jar <extracted jar>} once a current
     * cache exists (training it first if needed), else {@code -jar <jar>}.
     */
    List<String> launchArguments(String java, List<String> jvmOptions, Map<String, String> environment) {
        if (!isCurrent(jvmOptions) && !train(java, jvmOptions, environment)) {
            return List.of("-jar", jar.toString());
        }
        return List.of("-XX:AOTCache=" + cacheFile(), "-jar", extractedJar().toString());
    }

    /** Trains the cache now unless a current one exists; true if there is a current one afterwards. */
    boolean ensure(String java, List<String> jvmOptions, Map<String, String> environment) {
        return isCurrent(jvmOptions) || train(java, jvmOptions, environment);
    }

    private boolean train(String java, List<String> jvmOptions, Map<String, String> environment) {
        synchronized (IN_THIS_JVM.computeIfAbsent(directory, any -> new Object())) {
            try {
                Files.createDirectories(directory);
                try (var lockFile = FileChannel.open(
                                directory.resolve("training.lock"),
                                StandardOpenOption.CREATE,
                                StandardOpenOption.WRITE);
                        var lock = lockFile.lock()) {
                    if (isCurrent(jvmOptions)) {
                        return true; // another process trained it meanwhile
                    }
                    return extractAndTrain(java, jvmOptions, environment);
                }
            } catch (IOException e) {
                log.warn("No AOT cache for {} ({}); it starts from its jar", jar.getFileName(), e.toString());
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    private boolean extractAndTrain(String java, List<String> jvmOptions, Map<String, String> environment)
            throws IOException, InterruptedException {
        long started = System.nanoTime();
        Files.deleteIfExists(stampFile());
        Directories.deleteRecursively(applicationDirectory());
        Files.deleteIfExists(cacheFile());
        var trainingLog = directory.resolve("training.log");
        if (!run(
                List.of(
                        java,
                        "-Djarmode=tools",
                        "-jar",
                        jar.toString(),
                        "extract",
                        "--destination",
                        applicationDirectory().toString()),
                Map.of(),
                trainingLog)) {
            log.warn("Could not extract {} (see {}); it starts from its jar", jar.getFileName(), trainingLog);
            return false;
        }
        var partial = directory.resolve("app.aot.partial");
        Files.deleteIfExists(partial);
        var command = new ArrayList<String>();
        command.add(java);
        command.addAll(jvmOptions);
        command.addAll(List.of(
                "-XX:AOTCacheOutput=" + partial,
                "-Dspring.context.exit=onRefresh",
                "-jar",
                extractedJar().toString()));
        if (!run(command, environment, trainingLog) || !Files.isRegularFile(partial)) {
            log.warn(
                    "The AOT training run of {} failed (see {}); it starts from its jar",
                    jar.getFileName(),
                    trainingLog);
            return false;
        }
        Files.move(partial, cacheFile(), StandardCopyOption.ATOMIC_MOVE);
        Files.writeString(stampFile(), stamp(jvmOptions));
        log.info(
                "AOT cache for {} trained in {} s (once per changed jar)",
                jar.getFileName(),
                TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started));
        return true;
    }

    private boolean run(List<String> command, Map<String, String> environment, Path logFile)
            throws IOException, InterruptedException {
        var builder = new ProcessBuilder(command)
                .directory(directory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        builder.environment().putAll(environment);
        // A flight recording or agent meant for the running service has no place in its training start.
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        var process = builder.start();
        if (!process.waitFor(TRAINING_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            return false;
        }
        return process.exitValue() == 0;
    }

    private boolean isCurrent(List<String> jvmOptions) {
        try {
            return Files.isRegularFile(cacheFile())
                    && Files.isRegularFile(extractedJar())
                    && Files.readString(stampFile()).equals(stamp(jvmOptions));
        } catch (IOException e) {
            return false;
        }
    }

    String stamp(List<String> jvmOptions) throws IOException {
        return String.join(
                "\n",
                "jar " + contentOf(jar),
                "java " + System.getProperty("java.home") + " " + Runtime.version(),
                "options " + String.join(" ", jvmOptions),
                "");
    }

    /**
     * What the jar holds, not when it was written: every build writes the jars again (so a change in a module they
     * depend on is never left out), and a jar with the same classes and libraries keeps its trained cache. A jar's
     * central directory names each entry with its CRC-32, so reading it is enough; anything else is digested whole.
     */
    static String contentOf(Path jar) throws IOException {
        var digest = sha256();
        try (var zip = new ZipFile(jar.toFile())) {
            zip.stream()
                    .forEach(entry ->
                            digest.update((entry.getName() + " " + entry.getCrc() + " " + entry.getSize() + "\n")
                                    .getBytes(StandardCharsets.UTF_8)));
        } catch (ZipException notAJar) {
            digest.update(Files.readAllBytes(jar));
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }

    private Path applicationDirectory() {
        return directory.resolve("application");
    }

    private Path extractedJar() {
        return applicationDirectory().resolve(jar.getFileName());
    }

    private Path cacheFile() {
        return directory.resolve("app.aot");
    }

    private Path stampFile() {
        return directory.resolve("stamp");
    }
}
