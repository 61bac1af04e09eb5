package org.attune.infra.local;

import java.time.Duration;
import java.util.Optional;

/** What the launcher prints once everything is healthy: where each part answers, and what to do next. */
final class WelcomeText {

    private WelcomeText() {}

    static String of(
            StackSettings settings,
            Duration startup,
            Optional<DemoSignIn> demo,
            EmbeddedMongo mongo,
            EmbeddedSmtp smtp) {
        return String.join(
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
    }
}
