package org.attune.system;

import java.nio.file.Path;
import java.util.Map;
import org.attune.infra.local.LocalStack;

/**
 * One whole Attune per test JVM: the real broker, the MongoDB-protocol server and the four services as processes
 * from their built jars, on free ports, in demo mode, with an operator account. Started by the first test that needs it, stopped at exit.
 */
final class SystemStack {

    private static LocalStack stack;

    private SystemStack() {}

    static synchronized LocalStack get() {
        if (stack == null) {
            try {
                var root = Path.of(System.getProperty("attune.repo.root", ".."))
                        .toAbsolutePath()
                        .normalize();
                var dataDir = root.resolve("system-tests/target/stack-" + System.currentTimeMillis());
                // An operator verifies the therapists tests register (clients share with verified ones only). Most
                // tests get therapists' tokens with a password, so the stack lets therapists sign in without a
                // second factor; the journeys that need one set it up (web-ui's own tests check the default, on).
                // Every test request comes from loopback: web-ui's per-address limits would otherwise count them all.
                var environment = new java.util.HashMap<String, String>(Map.of(
                        "ATTUNE_DEMO", "true",
                        "ATTUNE_OPERATOR_EMAIL", Operator.EMAIL,
                        "ATTUNE_OPERATOR_PASSWORD", Operator.PASSWORD,
                        "ATTUNE_THERAPIST_MFA_REQUIRED", "false",
                        "ATTUNE_THROTTLE_REGISTRATION_PER_IP_MAX", "100000",
                        "ATTUNE_THROTTLE_MAIL_PER_IP_MAX", "100000",
                        "ATTUNE_THROTTLE_SIGN_IN_PER_IP_MAX", "100000",
                        // scheduled measures: the sweep records answers within seconds, not half a minute
                        "ATTUNE_MEASURES_SWEEP_INTERVAL", "2s"));
                // ./bench.sh --profile: a flight recording of every service process, for where the time goes.
                var recordings = System.getProperty("attune.stack.jfr", "");
                if (!recordings.isBlank()) {
                    java.nio.file.Files.createDirectories(Path.of(recordings));
                    environment.put(
                            "JAVA_TOOL_OPTIONS",
                            "-XX:StartFlightRecording=settings=profile,filename=" + recordings + "/%p.jfr");
                }
                var started = LocalStack.onFreePorts(root, dataDir, environment);
                Runtime.getRuntime().addShutdownHook(new Thread(started::stop));
                if (!started.start()) {
                    started.stop();
                    throw new IllegalStateException(
                            "The local stack did not become healthy; logs in " + dataDir.resolve("logs"));
                }
                stack = started;
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException("Could not start the local stack", e);
            }
        }
        return stack;
    }
}
