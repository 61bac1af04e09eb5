package org.attune.infra.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StackSettingsTest {

    @Test
    void defaults_to_the_documented_ports_and_a_data_directory_under_the_working_directory() {
        var settings = StackSettings.from(Map.of(), Path.of("/repo"), null);

        assertThat(settings.dataDir()).isEqualTo(Path.of("/repo/data/local"));
        assertThat(settings.services())
                .extracting(ServiceSpec::name, ServiceSpec::port)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("checkin-service", 8081),
                        org.assertj.core.groups.Tuple.tuple("content-service", 8082),
                        org.assertj.core.groups.Tuple.tuple("notification-service", 8083),
                        org.assertj.core.groups.Tuple.tuple("web-ui", 8080));
    }

    @Test
    void gives_each_service_its_own_database() {
        var settings = StackSettings.from(Map.of("ATTUNE_MONGO_PORT", "27999"), Path.of("/repo"), null);

        assertThat(settings.services())
                .extracting(s -> s.environment().get("SPRING_MONGODB_URI"))
                .containsExactly(
                        "mongodb://127.0.0.1:27999/attune_checkin",
                        "mongodb://127.0.0.1:27999/attune_content",
                        "mongodb://127.0.0.1:27999/attune_notification",
                        "mongodb://127.0.0.1:27999/attune_webui");
    }

    @Test
    void points_the_notification_service_at_the_catch_all_smtp_server() {
        var settings = StackSettings.from(Map.of("ATTUNE_SMTP_PORT", "2525"), Path.of("/repo"), null);

        assertThat(settings.services())
                .filteredOn(s -> s.name().equals("notification-service"))
                .singleElement()
                .satisfies(s -> assertThat(s.environment()).containsEntry("SPRING_MAIL_PORT", "2525"));
    }

    @Test
    void every_service_serves_its_actuator_endpoints_on_a_management_port_of_its_own() {
        var settings = StackSettings.from(Map.of("ATTUNE_WEB_UI_PORT", "18080"), Path.of("/repo"), null);

        assertThat(settings.services())
                .extracting(ServiceSpec::name, ServiceSpec::managementPort)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("checkin-service", 9081),
                        org.assertj.core.groups.Tuple.tuple("content-service", 9082),
                        org.assertj.core.groups.Tuple.tuple("notification-service", 9083),
                        org.assertj.core.groups.Tuple.tuple("web-ui", 19080));
        assertThat(settings.services())
                .allSatisfy(s -> assertThat(s.healthUrl())
                        .isEqualTo("http://127.0.0.1:" + s.managementPort() + "/actuator/health"));
    }

    @Test
    void points_web_ui_at_the_catch_all_smtp_server_for_account_mail() {
        var settings = StackSettings.from(Map.of("ATTUNE_SMTP_PORT", "2526"), Path.of("/repo"), null);

        assertThat(settings.services())
                .filteredOn(s -> s.name().equals("web-ui"))
                .singleElement()
                .satisfies(s -> assertThat(s.environment())
                        .containsEntry("SPRING_MAIL_HOST", "127.0.0.1")
                        .containsEntry("SPRING_MAIL_PORT", "2526"));
    }

    @Test
    void the_data_directory_argument_wins_over_the_environment() {
        var settings = StackSettings.from(Map.of("ATTUNE_DATA_DIR", "/env"), Path.of("/repo"), "/arg");

        assertThat(settings.dataDir()).isEqualTo(Path.of("/arg"));
    }

    @Test
    void rejects_a_port_that_is_not_a_number_with_a_clear_message() {
        assertThatThrownBy(() -> StackSettings.from(Map.of("ATTUNE_KAFKA_PORT", "ninety"), Path.of("/repo"), null))
                .hasMessageContaining("ATTUNE_KAFKA_PORT");
    }

    @Test
    void kafka_keeps_records_thirty_days_unless_the_environment_says_otherwise() {
        assertThat(StackSettings.from(Map.of(), Path.of("/repo"), null).kafkaRetention())
                .isEqualTo(Duration.ofDays(30));
        assertThat(StackSettings.from(Map.of("ATTUNE_KAFKA_RETENTION_DAYS", " 7 "), Path.of("/repo"), null)
                        .kafkaRetention())
                .isEqualTo(Duration.ofDays(7));
    }

    @Test
    void rejects_a_retention_that_is_not_a_positive_number_of_days_with_a_clear_message() {
        for (var value : new String[] {"0", "-3", "thirty", "1.5"}) {
            assertThatThrownBy(() ->
                            StackSettings.from(Map.of("ATTUNE_KAFKA_RETENTION_DAYS", value), Path.of("/repo"), null))
                    .as(value)
                    .hasMessageContaining("ATTUNE_KAFKA_RETENTION_DAYS")
                    .hasMessageContaining(value);
        }
    }

    @Test
    void three_brokers_take_the_next_pairs_of_kafka_ports_and_every_service_gets_all_of_them() {
        var settings = StackSettings.from(Map.of(), Path.of("/repo"), null).scaledBy(3, 1);

        assertThat(settings.brokers()).isEqualTo(3);
        assertThat(settings.kafkaNodes())
                .containsExactly(
                        new EmbeddedKafka.Node(1, 9092, 9093),
                        new EmbeddedKafka.Node(2, 9094, 9095),
                        new EmbeddedKafka.Node(3, 9096, 9097));
        assertThat(settings.bootstrapServers()).isEqualTo("127.0.0.1:9092,127.0.0.1:9094,127.0.0.1:9096");
        assertThat(settings.neededPorts()).extracting(PortCheck.Needed::port).contains(9094, 9095, 9096, 9097);
    }

    @Test
    void two_replicas_run_each_scaled_service_again_a_hundred_ports_up_and_web_ui_balances_over_both() {
        var settings = StackSettings.from(Map.of(), Path.of("/repo"), null).scaledBy(1, 2);

        assertThat(settings.replicas()).isEqualTo(2);
        assertThat(settings.extraInstanceSpecs())
                .extracting(ServiceSpec::name, ServiceSpec::port, ServiceSpec::managementPort)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("checkin-service", 8181, 9181),
                        org.assertj.core.groups.Tuple.tuple("content-service", 8182, 9182),
                        org.assertj.core.groups.Tuple.tuple("notification-service", 8183, 9183));
        assertThat(settings.extraInstanceSpecs().getFirst().environment())
                .isEqualTo(settings.services().getFirst().environment());
        var webUi = settings.services().stream()
                .filter(spec -> spec.name().equals("web-ui"))
                .findFirst()
                .orElseThrow();
        assertThat(webUi.environment().get("SPRING_APPLICATION_JSON"))
                .contains(
                        "\"checkin-service\":[{\"uri\":\"http://127.0.0.1:8081\"},{\"uri\":\"http://127.0.0.1:8181\"}]")
                .contains(
                        "\"notification-service\":[{\"uri\":\"http://127.0.0.1:8083\"},{\"uri\":\"http://127.0.0.1:8183\"}]");
        assertThat(settings.neededPorts()).extracting(PortCheck.Needed::port).contains(8181, 9181, 8183, 9183);
    }

    @Test
    void one_broker_and_one_replica_leave_the_stack_as_it_was() {
        var plain = StackSettings.from(Map.of(), Path.of("/repo"), null);
        var scaled = plain.scaledBy(1, 1);

        assertThat(scaled).isEqualTo(plain);
        assertThat(scaled.bootstrapServers()).isEqualTo("127.0.0.1:9092");
        assertThat(scaled.services())
                .allSatisfy(spec -> assertThat(spec.environment()).doesNotContainKey("SPRING_APPLICATION_JSON"));
    }

    @Test
    void refuses_a_scale_it_cannot_run() {
        var settings = StackSettings.from(Map.of(), Path.of("/repo"), null);

        assertThatThrownBy(() -> settings.scaledBy(0, 1)).hasMessageContaining("--brokers");
        assertThatThrownBy(() -> settings.scaledBy(3, 4)).hasMessageContaining("--replicas");
    }

    @Test
    void a_cluster_keeps_three_replicas_and_needs_two_of_them_for_a_write() {
        assertThat(EmbeddedKafka.replicationFactor(1)).isEqualTo(1);
        assertThat(EmbeddedKafka.minInSyncReplicas(1)).isEqualTo(1);
        assertThat(EmbeddedKafka.replicationFactor(3)).isEqualTo(3);
        assertThat(EmbeddedKafka.minInSyncReplicas(3)).isEqualTo(2);
        assertThat(EmbeddedKafka.replicationFactor(5)).isEqualTo(3);
        assertThat(EmbeddedKafka.minInSyncReplicas(5)).isEqualTo(2);
    }
}
