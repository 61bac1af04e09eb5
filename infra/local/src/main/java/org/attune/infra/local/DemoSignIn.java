package org.attune.infra.local;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The demo sign-in web-ui writes into its data directory in demo mode ({@code demo-sign-in.properties}, the name
 * web-ui's {@code DemoSignIn} uses), read back so the launcher can print it on the console. Only ever in demo mode,
 * which is for a local machine, never a real deployment.
 */
record DemoSignIn(String clientEmail, String therapistEmail, String password) {

    static final String FILE = "demo-sign-in.properties";

    /** Demo mode is on when the launcher's own environment or the one it gives the services says so. */
    static boolean enabled(Map<String, String> processEnvironment, Map<String, String> serviceEnvironment) {
        var value = serviceEnvironment.getOrDefault("ATTUNE_DEMO", processEnvironment.get("ATTUNE_DEMO"));
        return "true".equalsIgnoreCase(value == null ? "" : value.strip());
    }

    static Optional<DemoSignIn> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            var properties = new Properties();
            properties.load(new StringReader(Files.readString(file, StandardCharsets.UTF_8)));
            var client = properties.getProperty("client");
            var therapist = properties.getProperty("therapist");
            var password = properties.getProperty("password");
            if (client == null || therapist == null || password == null) {
                return Optional.empty();
            }
            return Optional.of(new DemoSignIn(client, therapist, password));
        } catch (IOException unreadable) {
            return Optional.empty();
        }
    }

    /** Waits a little for web-ui to write the file (it does so before it reports ready, so this is a safety margin). */
    static Optional<DemoSignIn> await(Path file, Duration atMost) throws InterruptedException {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (true) {
            var found = read(file);
            if (found.isPresent() || System.nanoTime() > deadline) {
                return found;
            }
            Thread.sleep(200);
        }
    }

    /** The lines for the welcome message. */
    String lines() {
        return String.join(
                System.lineSeparator(),
                "  Demo sign-in    client    " + clientEmail,
                "                  therapist " + therapistEmail,
                "                  password  " + password + "   (both; demo mode only)");
    }
}
