package org.attune.infra.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
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
        Duration kafkaRetention,
        Scale scale) {

    static final int MANAGEMENT_PORT_OFFSET = 1000;

    /** The services {@code --replicas} runs more than once; web-ui runs once (its sessions live in its memory). */
    static final List<String> SCALED_SERVICES = List.of("checkin-service", "content-service", "notification-service");

    /** Ports of the further instance {@code k} (1, 2, …) of a service when the ports are the defaults' offsets. */
    static final int INSTANCE_PORT_STEP = 100;

    /**
     * Kafka nodes beyond the first ({@code --brokers}) and further instances of the scaled services
     * ({@code --replicas}); none for the plain stack.
     */
    record Scale(List<EmbeddedKafka.Node> extraBrokers, List<Instance> extraInstances) {

        static final Scale NONE = new Scale(List.of(), List.of());

        Scale {
            extraBrokers = List.copyOf(extraBrokers);
            extraInstances = List.copyOf(extraInstances);
        }
    }

    /** A further instance of a service, on ports of its own. */
    record Instance(String service, int port, int managementPort) {}

    /** The plain stack: one broker in the launcher, one instance of each service. */
    StackSettings(
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
        this(
                dataDir,
                kafkaPort,
                kafkaControllerPort,
                mongoPort,
                webUiPort,
                checkinPort,
                contentPort,
                notificationPort,
                smtpPort,
                managementPorts,
                kafkaRetention,
                Scale.NONE);
    }

    StackSettings withScale(Scale newScale) {
        return new StackSettings(
                dataDir,
                kafkaPort,
                kafkaControllerPort,
                mongoPort,
                webUiPort,
                checkinPort,
                contentPort,
                notificationPort,
                smtpPort,
                managementPorts,
                kafkaRetention,
                newScale);
    }

    /**
     * {@code brokers} Kafka nodes, node {@code i} (from 0) on the Kafka and controller ports + 2i, and {@code replicas}
     * instances of each scaled service, instance {@code k} (from 0) on its ports + 100k.
     */
    StackSettings scaledBy(int brokers, int replicas) {
        if (brokers < 1 || brokers > 5) {
            throw new IllegalArgumentException("--brokers must be between 1 and 5, was " + brokers);
        }
        if (replicas < 1 || replicas > 3) {
            throw new IllegalArgumentException("--replicas must be between 1 and 3, was " + replicas);
        }
        var extraBrokers = new ArrayList<EmbeddedKafka.Node>();
        for (int i = 1; i < brokers; i++) {
            extraBrokers.add(new EmbeddedKafka.Node(i + 1, kafkaPort + 2 * i, kafkaControllerPort + 2 * i));
        }
        var extraInstances = new ArrayList<Instance>();
        for (int k = 1; k < replicas; k++) {
            for (var spec : services()) {
                if (SCALED_SERVICES.contains(spec.name())) {
                    int step = INSTANCE_PORT_STEP * k;
                    extraInstances.add(new Instance(spec.name(), spec.port() + step, spec.managementPort() + step));
                }
            }
        }
        return withScale(new Scale(extraBrokers, extraInstances));
    }

    int brokers() {
        return 1 + scale.extraBrokers().size();
    }

    int replicas() {
        return 1 + scale.extraInstances().size() / SCALED_SERVICES.size();
    }

    /** Every Kafka node, the first on {@link #kafkaPort()}, with node ids from 1. */
    List<EmbeddedKafka.Node> kafkaNodes() {
        var nodes = new ArrayList<EmbeddedKafka.Node>();
        nodes.add(new EmbeddedKafka.Node(1, kafkaPort, kafkaControllerPort));
        nodes.addAll(scale.extraBrokers());
        return nodes;
    }

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
        return kafkaNodes().stream().map(node -> "127.0.0.1:" + node.port()).collect(Collectors.joining(","));
    }

    String mongoUri(String database) {
        return "mongodb://127.0.0.1:" + mongoPort + "/" + database;
    }

    /** Every port the stack listens on, with the part that needs it and the variable that moves it. */
    List<PortCheck.Needed> neededPorts() {
        var needed = new ArrayList<>(plainPorts());
        for (var node : scale.extraBrokers()) {
            needed.add(new PortCheck.Needed("Kafka node " + node.id(), node.port(), "ATTUNE_KAFKA_PORT"));
            needed.add(new PortCheck.Needed(
                    "Kafka node " + node.id() + " controller", node.controllerPort(), "ATTUNE_KAFKA_CONTROLLER_PORT"));
        }
        for (var instance : scale.extraInstances()) {
            var variable =
                    "ATTUNE_" + instance.service().replace("-service", "").toUpperCase() + "_PORT";
            needed.add(new PortCheck.Needed(instance.service() + " (another instance)", instance.port(), variable));
            needed.add(new PortCheck.Needed(
                    instance.service() + " (another instance) management", instance.managementPort(), variable));
        }
        return needed;
    }

    private List<PortCheck.Needed> plainPorts() {
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

    /**
     * The first instance of every service, in start order. With further instances web-ui gets all of them as the
     * static instance lists of its client-side load balancer (Spring Cloud's simple discovery client).
     */
    List<ServiceSpec> services() {
        var plain = plainServices();
        if (scale.extraInstances().isEmpty()) {
            return plain;
        }
        var specs = new ArrayList<ServiceSpec>();
        for (var spec : plain) {
            if (spec.name().equals("web-ui")) {
                var environment = new HashMap<>(spec.environment());
                environment.put("SPRING_APPLICATION_JSON", instanceListJson(plain));
                spec = new ServiceSpec(spec.name(), spec.port(), spec.managementPort(), spec.heap(), environment);
            }
            specs.add(spec);
        }
        return specs;
    }

    /** The further instances ({@code --replicas}), each with its first instance's settings on ports of its own. */
    List<ServiceSpec> extraInstanceSpecs() {
        var first = plainServices();
        return scale.extraInstances().stream()
                .map(instance -> {
                    var spec = first.stream()
                            .filter(s -> s.name().equals(instance.service()))
                            .findFirst()
                            .orElseThrow();
                    return new ServiceSpec(
                            spec.name(), instance.port(), instance.managementPort(), spec.heap(), spec.environment());
                })
                .toList();
    }

    private String instanceListJson(List<ServiceSpec> plain) {
        var lists = new ArrayList<String>();
        for (var service : SCALED_SERVICES) {
            var uris = new ArrayList<String>();
            plain.stream()
                    .filter(spec -> spec.name().equals(service))
                    .forEach(spec -> uris.add("{\"uri\":\"http://127.0.0.1:" + spec.port() + "\"}"));
            scale.extraInstances().stream()
                    .filter(instance -> instance.service().equals(service))
                    .forEach(instance -> uris.add("{\"uri\":\"http://127.0.0.1:" + instance.port() + "\"}"));
            lists.add("\"" + service + "\":[" + String.join(",", uris) + "]");
        }
        return "{\"spring\":{\"cloud\":{\"discovery\":{\"client\":{\"simple\":{\"instances\":{"
                + String.join(",", lists) + "}}}}}}}";
    }

    private List<ServiceSpec> plainServices() {
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
