package org.attune.infra.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class PortCheckTest {

    @Test
    void a_port_taken_on_loopback_is_reported_with_its_part_setting_and_process() throws Exception {
        try (var listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            var needed = new PortCheck.Needed("web-ui", listener.getLocalPort(), "ATTUNE_WEB_UI_PORT");

            var taken = PortCheck.taken(List.of(needed));

            assertThat(taken).singleElement().satisfies(port -> {
                assertThat(port.needed()).isEqualTo(needed);
                assertThat(port.describe())
                        .contains("port " + listener.getLocalPort() + " (web-ui)")
                        .contains("ATTUNE_WEB_UI_PORT");
                if (Files.isReadable(Path.of("/proc/net/tcp"))) {
                    assertThat(port.pid())
                            .isEqualTo(OptionalLong.of(ProcessHandle.current().pid()));
                    assertThat(port.describe())
                            .contains("process " + ProcessHandle.current().pid());
                }
            });
        }
    }

    @Test
    void a_port_taken_on_all_interfaces_is_reported_too() throws Exception {
        try (var listener = new ServerSocket()) {
            listener.bind(new InetSocketAddress(0));
            var needed = new PortCheck.Needed("Kafka", listener.getLocalPort(), "ATTUNE_KAFKA_PORT");

            assertThat(PortCheck.taken(List.of(needed))).hasSize(1);
        }
    }

    @Test
    void free_ports_are_not_reported() throws Exception {
        var ports = FreePorts.take(2);

        assertThat(PortCheck.taken(List.of(
                        new PortCheck.Needed("web-ui", ports[0], "ATTUNE_WEB_UI_PORT"),
                        new PortCheck.Needed("SMTP", ports[1], "ATTUNE_SMTP_PORT"))))
                .isEmpty();
    }

    @Test
    void a_left_over_attune_service_is_named_as_such_with_the_command_to_stop_it() {
        var needed = new PortCheck.Needed("web-ui", 8080, "ATTUNE_WEB_UI_PORT");
        var taken = new PortCheck.Taken(
                needed,
                OptionalLong.of(4242),
                java.util.Optional.of("/usr/lib/jvm/temurin-25-jdk-amd64/bin/java -Xmx320m -Xss512k -XX:+UseSerialGC"
                        + " -XX:MaxMetaspaceSize=192m -XX:ReservedCodeCacheSize=64m -XX:TieredStopAtLevel=1"
                        + " -jar /home/someone/attune/web-ui/target/web-ui.jar"));

        assertThat(taken.describe())
                .isEqualTo("port 8080 (web-ui) is in use by process 4242 (java -jar"
                        + " /home/someone/attune/web-ui/target/web-ui.jar). It looks like Attune left from an earlier"
                        + " start: stop it with 'kill 4242', or choose another port with ATTUNE_WEB_UI_PORT.");
    }

    @Test
    void a_port_whose_owner_cannot_be_seen_is_still_named() {
        var taken = new PortCheck.Taken(
                new PortCheck.Needed("MongoDB protocol", 27017, "ATTUNE_MONGO_PORT"),
                OptionalLong.empty(),
                java.util.Optional.empty());

        assertThat(taken.describe())
                .isEqualTo("port 27017 (MongoDB protocol) is in use by another program. Stop that program, or"
                        + " choose another port with ATTUNE_MONGO_PORT.");
    }

    @Test
    void the_launcher_refuses_to_start_when_a_port_is_taken_and_starts_nothing(
            @org.junit.jupiter.api.io.TempDir Path dataDir) throws Exception {
        var ports = FreePorts.take(12);
        try (var webUi = new ServerSocket(ports[3], 1, InetAddress.getLoopbackAddress())) {
            var settings = new StackSettings(
                    dataDir,
                    ports[0],
                    ports[1],
                    ports[2],
                    ports[3],
                    ports[4],
                    ports[5],
                    ports[6],
                    ports[7],
                    new StackSettings.ManagementPorts(ports[8], ports[9], ports[10], ports[11]),
                    java.time.Duration.ofDays(1));
            try (var stack = new LocalStack(settings, dataDir)) {
                assertThat(stack.start()).isFalse();
            }
            assertThat(PortCheck.inUse(ports[0])).as("Kafka was not started").isFalse();
            assertThat(PortCheck.inUse(ports[2]))
                    .as("the store was not started")
                    .isFalse();
            assertThat(dataDir.resolve("kafka")).doesNotExist();
        }
    }
}
