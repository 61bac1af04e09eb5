package org.attune.infra.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.attune.events.Topics;

/**
 * Ports, locations and Kafka retention of the local stack; every value can be overridden by an environment variable.
 * Each service's actuator endpoints have a management port of their own: by default its port plus
 * {@link #MANAGEMENT_PORT_OFFSET}.
 */
record StackSettings(
        Path dataDir,
        int kafkaPort,
        int kafkaControllerPort,
        int mongoPort,
        int webUiPort,
        int checkinPort,
        int contentPort,
        int notificationPort,
        int smtpPort,
        ManagementPorts managementPorts,
        Duration kafkaRetention) {

    static final int MANAGEMENT_PORT_OFFSET = 1000;

    /** Where each service serves {@code /actuator/**}. */
    record ManagementPorts(int webUi, int checkin, int content, int notification) {}

    /** Days the non-compacted topics keep a record; the same name as in the compose stack. */
    static final String RETENTION_DAYS = "ATTUNE_KAFKA_RETENTION_DAYS";

    static StackSettings from(Map<String, String> env, Path workingDir, String dataDirArgument) {
        var dataDir = dataDirArgument != null
                ? Path.of(dataDirArgument)
                : Path.of(env.getOrDefault(
                        "ATTUNE_DATA_DIR", workingDir.resolve("data/local").toString()));
        int webUi = port(env, "ATTUNE_WEB_UI_PORT", 8080);
        int checkin = port(env, "ATTUNE_CHECKIN_PORT", 8081);
        int content = port(env, "ATTUNE_CONTENT_PORT", 8082);
        int notification = port(env, "ATTUNE_NOTIFICATION_PORT", 8083);
        return new StackSettings(
                dataDir.toAbsolutePath().normalize(),
                port(env, "ATTUNE_KAFKA_PORT", 9092),
                port(env, "ATTUNE_KAFKA_CONTROLLER_PORT", 9093),
                port(env, "ATTUNE_MONGO_PORT", 27017),
                webUi,
                checkin,
                content,
                notification,
                port(env, "ATTUNE_SMTP_PORT", 1025),
                new ManagementPorts(
                        webUi + MANAGEMENT_PORT_OFFSET,
                        checkin + MANAGEMENT_PORT_OFFSET,
                        content + MANAGEMENT_PORT_OFFSET,
                        notification + MANAGEMENT_PORT_OFFSET),
                retention(env));
    }

    private static Duration retention(Map<String, String> env) {
        var value = env.get(RETENTION_DAYS);
        if (value == null || value.isBlank()) {
            return Topics.DEFAULT_RETENTION;
        }
        try {
            int days = Integer.parseInt(value.trim());
            if (days > 0) {
                return Duration.ofDays(days);
            }
        } catch (NumberFormatException e) {
            // reported below, with the value
        }
        throw new IllegalArgumentException(
                RETENTION_DAYS + " must be a whole number of days above 0, was '" + value + "'");
    }

    private static int port(Map<String, String> env, String name, int fallback) {
        var value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a port number, was '" + value + "'");
        }
    }

    String bootstrapServers() {
        return "127.0.0.1:" + kafkaPort;
    }

    String mongoUri(String database) {
        return "mongodb://127.0.0.1:" + mongoPort + "/" + database;
    }

    /** Every port the stack listens on, with the part that needs it and the variable that moves it. */
    List<PortCheck.Needed> neededPorts() {
        return List.of(
                new PortCheck.Needed("web-ui", webUiPort, "ATTUNE_WEB_UI_PORT"),
                new PortCheck.Needed("checkin-service", checkinPort, "ATTUNE_CHECKIN_PORT"),
                new PortCheck.Needed("content-service", contentPort, "ATTUNE_CONTENT_PORT"),
                new PortCheck.Needed("notification-service", notificationPort, "ATTUNE_NOTIFICATION_PORT"),
                new PortCheck.Needed("Kafka", kafkaPort, "ATTUNE_KAFKA_PORT"),
                new PortCheck.Needed("Kafka controller", kafkaControllerPort, "ATTUNE_KAFKA_CONTROLLER_PORT"),
                new PortCheck.Needed("MongoDB protocol", mongoPort, "ATTUNE_MONGO_PORT"),
                new PortCheck.Needed("SMTP", smtpPort, "ATTUNE_SMTP_PORT"),
                // A management port is its app's port + 1000: moving the app's port moves it.
                new PortCheck.Needed("web-ui management", managementPorts.webUi(), "ATTUNE_WEB_UI_PORT"),
                new PortCheck.Needed("checkin-service management", managementPorts.checkin(), "ATTUNE_CHECKIN_PORT"),
                new PortCheck.Needed("content-service management", managementPorts.content(), "ATTUNE_CONTENT_PORT"),
                new PortCheck.Needed(
                        "notification-service management", managementPorts.notification(), "ATTUNE_NOTIFICATION_PORT"));
    }

    List<ServiceSpec> services() {
        var jwks = "http://127.0.0.1:" + webUiPort + "/.well-known/jwks.json";
        var publicUrl = "http://localhost:" + webUiPort;
        return List.of(
                new ServiceSpec(
                        "checkin-service",
                        checkinPort,
                        managementPorts.checkin(),
                        "192m",
                        Map.of("SPRING_MONGODB_URI", mongoUri("attune_checkin"), "ATTUNE_SECURITY_JWKS_URI", jwks)),
                new ServiceSpec(
                        "content-service",
                        contentPort,
                        managementPorts.content(),
                        "192m",
                        Map.of("SPRING_MONGODB_URI", mongoUri("attune_content"), "ATTUNE_SECURITY_JWKS_URI", jwks)),
                new ServiceSpec(
                        "notification-service",
                        notificationPort,
                        managementPorts.notification(),
                        "192m",
                        Map.of(
                                "SPRING_MONGODB_URI",
                                mongoUri("attune_notification"),
                                "ATTUNE_SECURITY_JWKS_URI",
                                jwks,
                                "ATTUNE_PUBLIC_URL",
                                publicUrl,
                                "SPRING_MAIL_HOST",
                                "127.0.0.1",
                                "SPRING_MAIL_PORT",
                                String.valueOf(smtpPort))),
                new ServiceSpec(
                        "web-ui",
                        webUiPort,
                        managementPorts.webUi(),
                        "320m",
                        Map.of(
                                "SPRING_MONGODB_URI",
                                mongoUri("attune_webui"),
                                "SPRING_MAIL_HOST",
                                "127.0.0.1",
                                "SPRING_MAIL_PORT",
                                String.valueOf(smtpPort),
                                "ATTUNE_PUBLIC_URL",
                                publicUrl,
                                "ATTUNE_DATA_DIR",
                                dataDir.resolve("web-ui").toString(),
                                "ATTUNE_SERVICES_CHECKIN_URL",
                                "http://127.0.0.1:" + checkinPort,
                                "ATTUNE_SERVICES_CONTENT_URL",
                                "http://127.0.0.1:" + contentPort,
                                "ATTUNE_SERVICES_NOTIFICATION_URL",
                                "http://127.0.0.1:" + notificationPort)));
    }
}
