package org.attune.notification.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.attune.events.Channel;
import org.attune.events.Role;
import org.attune.notification.NotificationServiceApplication;
import org.attune.notification.preferences.Preferences;
import org.attune.notification.store.Notification;
import org.attune.notification.store.NotificationKind;
import org.attune.testsupport.TestInfrastructure;
import org.attune.testsupport.TestTokens;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts extra instances of the service against the shared test broker, a given database and GreenMail. */
public final class Fleet {

    private Fleet() {}

    public static List<String> arguments(String database, String... extra) {
        var infra = TestInfrastructure.get();
        var args = new ArrayList<>(List.of(
                "--server.port=0",
                // This instance needs no actuator server of its own.
                "--management.server.port=-1",
                "--spring.kafka.bootstrap-servers=" + infra.bootstrapServers(),
                "--spring.mongodb.uri=" + infra.mongoUri(database),
                // Instances of one test share a consumer group; other tests' contexts must not take their partitions.
                "--spring.kafka.consumer.group-id=notification-" + database,
                "--spring.application.name=notification-" + database,
                "--attune.security.jwks-uri=" + TestTokens.get().jwksUri(),
                "--attune.security.issuer=" + TestTokens.ISSUER,
                "--attune.security.audience=" + TestTokens.AUDIENCE,
                "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + TestMail.port(),
                "--attune.public-url=https://attune.example"));
        args.addAll(List.of(extra));
        return args;
    }

    /** An instance in this JVM. */
    public static ConfigurableApplicationContext start(String database, String... extra) {
        return new SpringApplicationBuilder(NotificationServiceApplication.class)
                .run(arguments(database, extra).toArray(String[]::new));
    }

    /** An instance in this JVM that reads the time from {@code clock}, e.g. one {@code MutableClock} for all. */
    public static ConfigurableApplicationContext start(String database, Clock clock, String... extra) {
        return new SpringApplicationBuilder(NotificationServiceApplication.class)
                // Registered before the kit's configuration runs, so its own clock steps aside.
                .initializers(context -> context.getBeanFactory().registerSingleton("clock", clock))
                .run(arguments(database, extra).toArray(String[]::new));
    }

    /** An instance in a child JVM, its output in {@code log}; C1 only, for a quick start. */
    public static Process startProcess(String database, Path log, String... extra) throws IOException {
        return startProcess(List.of("-Xmx512m", "-XX:TieredStopAtLevel=1"), database, log, extra);
    }

    /** An instance in a child JVM with these JVM options, its output in {@code log}. */
    public static Process startProcess(List<String> jvmOptions, String database, Path log, String... extra)
            throws IOException {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path argfile = Files.createTempFile("notification-child", ".args");
        Files.writeString(argfile, "-cp \"" + classpath.replace("\\", "\\\\") + "\"\n");
        var command = new ArrayList<String>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("@" + argfile);
        command.add(NotificationServiceApplication.class.getName());
        command.addAll(arguments(database, extra));
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
    }

    /** Email-enabled preferences for one recipient, with no quiet hours, so everything due goes out at once. */
    public static Preferences emailPreferences(String recipientId, String address, Instant now) {
        return emailPreferences(recipientId, Role.CLIENT, address, now);
    }

    public static Preferences emailPreferences(String recipientId, Role role, String address, Instant now) {
        return new Preferences(
                recipientId,
                role,
                "UTC",
                null,
                null,
                "00:00",
                "00:00",
                Set.of(Channel.IN_APP, Channel.EMAIL),
                address,
                List.of(),
                Preferences.DEFAULT_LANGUAGE,
                now,
                null,
                null,
                null);
    }

    /** {@code count} notifications due now, spread over the recipients. */
    public static List<Notification> due(List<String> recipients, int count, Instant now) {
        var list = new ArrayList<Notification>();
        for (int i = 0; i < count; i++) {
            var recipient = recipients.get(i % recipients.size());
            list.add(Notification.due(
                    UUID.randomUUID().toString(),
                    recipient,
                    recipient,
                    NotificationKind.CONTENT_RECOMMENDED,
                    List.of("Item " + i),
                    null,
                    now.minusSeconds(1),
                    now));
        }
        return list;
    }
}
