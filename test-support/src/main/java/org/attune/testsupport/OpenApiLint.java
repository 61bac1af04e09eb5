package org.attune.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import tools.jackson.databind.json.JsonMapper;

/**
 * Lints a service's API description with the Redocly CLI pinned in {@code tools/openapi-lint} (its recommended rules,
 * see {@code redocly.yaml} there), so a missing summary, security scheme or documented 4xx answer fails the build.
 * Needs Node.js on the PATH; installs the pinned CLI once per clone.
 */
public final class OpenApiLint {

    static final String TOOL_DIR = "tools/openapi-lint";
    private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration LINT_TIMEOUT = Duration.ofMinutes(2);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern PROBLEMS = Pattern.compile("(\\d+) (error|warning)s?\\b");

    private OpenApiLint() {}

    /** The counts from one lint run, and what the linter said. */
    public record Result(int errors, int warnings, String output) {}

    /**
     * Fails with the linter's report unless the description has no errors and no warnings. Writes the description to
     * {@code workDir/api-docs.json}, for reading after a failure.
     */
    public static void assertPasses(String apiDocsJson, Path workDir) {
        var result = lint(apiDocsJson, workDir);
        if (result.errors() + result.warnings() > 0) {
            throw new AssertionError("Redocly CLI (recommended rules) found %d errors and %d warnings in %s:%n%s"
                    .formatted(result.errors(), result.warnings(), workDir.resolve("api-docs.json"), result.output()));
        }
    }

    /** Runs the linter on the description and returns its counts. */
    public static Result lint(String apiDocsJson, Path workDir) {
        var tool = toolDir();
        installOnce(tool);
        try {
            Files.createDirectories(workDir);
            var description = workDir.resolve("api-docs.json").toAbsolutePath();
            // Pretty, so the report's line numbers point somewhere readable.
            var pretty = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(JSON.readTree(apiDocsJson));
            Files.writeString(description, pretty, StandardCharsets.UTF_8);
            var run = run(
                    tool,
                    LINT_TIMEOUT,
                    List.of(
                            "node",
                            "node_modules/@redocly/cli/bin/cli.js",
                            "lint",
                            "--config=redocly.yaml",
                            "--format=stylish",
                            description.toString()));
            int errors = 0;
            int warnings = 0;
            var summary = run.output()
                    .lines()
                    .filter(line -> line.contains("Validation failed") || line.startsWith("You have"))
                    .findFirst()
                    .orElse("");
            var counts = PROBLEMS.matcher(summary);
            while (counts.find()) {
                if (counts.group(2).equals("error")) {
                    errors = Integer.parseInt(counts.group(1));
                } else {
                    warnings = Integer.parseInt(counts.group(1));
                }
            }
            if (run.exitCode() != 0 && errors == 0) {
                throw new AssertionError("Redocly CLI failed (exit " + run.exitCode() + "):\n" + run.output());
            }
            // Drop the CLI's banners (such as its Node.js 20 deprecation notice): the report starts at "validating".
            var report = run.output();
            var start = report.indexOf("validating ");
            return new Result(errors, warnings, start < 0 ? report : report.substring(start));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The tool directory of this clone: tests run in a module directory, so walk up to the repository root. */
    static Path toolDir() {
        for (var dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            var candidate = dir.resolve(TOOL_DIR);
            if (Files.isRegularFile(candidate.resolve("redocly.yaml"))) {
                return candidate;
            }
        }
        throw new IllegalStateException(
                "no " + TOOL_DIR + "/redocly.yaml above " + Path.of("").toAbsolutePath());
    }

    /**
     * Runs {@code npm ci} when node_modules is missing or was installed from another lock file. Modules may run their
     * tests side by side (mvn -T), so the check and the install hold a lock across JVMs.
     */
    private static synchronized void installOnce(Path tool) {
        try {
            var lockFile = tool.resolve("target/install.lock");
            Files.createDirectories(lockFile.getParent());
            var marker = tool.resolve("node_modules/.attune-installed");
            var wanted = sha256(tool.resolve("package-lock.json"));
            try (var channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    var lock = channel.lock()) {
                if (Files.isRegularFile(marker) && Files.readString(marker).equals(wanted)) {
                    return;
                }
                var run = run(
                        tool,
                        INSTALL_TIMEOUT,
                        List.of("npm", "ci", "--prefer-offline", "--no-audit", "--no-fund", "--loglevel=error"));
                if (run.exitCode() != 0) {
                    throw new AssertionError(
                            "npm ci in " + tool + " failed (exit " + run.exitCode() + "):\n" + run.output());
                }
                Files.writeString(marker, wanted);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Run(int exitCode, String output) {}

    private static Run run(Path dir, Duration timeout, List<String> command) throws IOException {
        var builder = new ProcessBuilder(new ArrayList<>(command))
                .directory(dir.toFile())
                .redirectErrorStream(true);
        builder.environment().put("REDOCLY_TELEMETRY", "off");
        builder.environment().put("REDOCLY_SUPPRESS_NOTIFICATIONS", "true");
        builder.environment().put("NO_COLOR", "1");
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new AssertionError(
                    "'" + command.getFirst() + "' did not start: the OpenAPI lint needs Node.js 20.19+ (or 22.12+)"
                            + " with npm on the PATH (README, Tests)",
                    e);
        }
        process.getOutputStream().close();
        // Read while it runs, so a chatty process never blocks on a full pipe.
        var output = new StringBuilder();
        var reader = Thread.ofVirtual().start(() -> {
            try (var in = process.getInputStream()) {
                output.append(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                output.append("(output unreadable: ")
                        .append(e.getClass().getSimpleName())
                        .append(')');
            }
        });
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " took longer than " + timeout);
            }
            reader.join(Duration.ofSeconds(10));
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        return new Run(process.exitValue(), output.toString());
    }

    private static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
