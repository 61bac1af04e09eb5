package org.attune.infra.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Validates the operators' compose files (single host and production) with infra/validate-compose.sh, which parses them
 * offline with docker-compose. CI installs docker-compose (.ci/run), so there this test must run; elsewhere it is
 * skipped when the tool is missing. The broken variants are written beside the real files, so their relative paths
 * (build contexts, secrets, scripts) resolve the same.
 */
class ComposeFileIT {

    private static final Path REPO_ROOT = Path.of("../..").toAbsolutePath().normalize();

    @Test
    void the_operator_compose_files_are_valid_and_complete() throws Exception {
        requireDockerCompose();

        var result = validate(null);

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output())
                .contains("web-ui: every variable compose sets is read by the application")
                .contains("prod: only caddy publishes ports")
                .contains("prod: network backend is internal")
                .contains("prod: three brokers, RF 3 / min ISR 2, one cluster id, SASL listeners, ACL authorizer")
                .contains("prod: web-ui: every variable and property secret is read by the application")
                .doesNotContain("FAIL");
    }

    @Test
    void a_production_file_with_an_open_backend_network_and_a_published_management_port_fails_on_both()
            throws Exception {
        requireDockerCompose();
        var broken = replaceIn(
                productionFile(),
                "  backend:\n    name: attune-prod-backend\n    internal: true\n",
                "  backend:\n    name: attune-prod-backend\n");
        broken = replaceIn(
                broken,
                "      target: checkin-service\n    networks: [backend]\n",
                "      target: checkin-service\n    networks: [backend]\n    ports: [\"127.0.0.1:9090:9090\"]\n");

        var result = validateProductionVariant(broken);

        assertThat(result.exitCode()).as(result.output()).isNotZero();
        assertThat(result.output())
                .contains("FAIL: prod: network backend must be declared with internal: true")
                .contains("FAIL: prod: kafka-1 joins network backend, which is not internal")
                .contains("FAIL: prod: checkin-service publishes ports; only the proxy (caddy) may");
    }

    @Test
    void
            a_production_file_with_min_isr_one_a_latest_image_a_short_grace_period_and_a_misspelt_kafka_variable_fails_on_each()
                    throws Exception {
        requireDockerCompose();
        var broken =
                replaceIn(productionFile(), "  KAFKA_MIN_INSYNC_REPLICAS: 2\n", "  KAFKA_MIN_INSYNC_REPLICAS: 1\n");
        broken = replaceIn(broken, "image: ${CADDY_IMAGE:-caddy:2.10.2}", "image: caddy:latest");
        broken = replaceIn(broken, "  stop_grace_period: 45s\n", "  stop_grace_period: 30s\n");
        broken = replaceIn(
                broken,
                "  SPRING_KAFKA_PROPERTIES_SASL_MECHANISM: SCRAM-SHA-512\n",
                "  SPRING_KAFKA_PROPERTIES_SASL_MECHANISM: SCRAM-SHA-512\n  SPRING_KAFKA_SASL_MECHANISM: SCRAM-SHA-512\n");

        var result = validateProductionVariant(broken);

        assertThat(result.exitCode()).as(result.output()).isNotZero();
        assertThat(result.output())
                .contains("FAIL: prod: kafka-2: KAFKA_MIN_INSYNC_REPLICAS must be 2 (is '1')")
                .contains("FAIL: prod: caddy: image caddy:latest uses the tag \"latest\"")
                .contains(
                        "FAIL: prod: web-ui: stop_grace_period 30s must be longer than its Spring shutdown phase (30s)")
                .contains(
                        "FAIL: prod: content-service: sets SPRING_KAFKA_SASL_MECHANISM, which content-service does not read");
    }

    @Test
    void a_variable_that_no_application_reads_fails_the_validation_and_is_named() throws Exception {
        requireDockerCompose();
        // The mistake this check exists for: compose once set a cookie variable web-ui never read.
        var original = Files.readString(REPO_ROOT.resolve("infra/docker-compose.yml"));
        var misspelt = original.replace("      ATTUNE_SECURITY_COOKIE_SECURE: ", "      ATTUNE_SECURE_COOKIE: ");
        assertThat(misspelt).isNotEqualTo(original);
        // Beside the real file, so its relative paths (build contexts, secrets, scripts) resolve the same.
        var variant = REPO_ROOT.resolve("infra/.validate-wrong-name.yml");
        Files.writeString(variant, misspelt);
        try {
            var result = validate("infra/.validate-wrong-name.yml");

            assertThat(result.exitCode()).as(result.output()).isNotZero();
            assertThat(result.output()).contains("FAIL: web-ui: sets ATTUNE_SECURE_COOKIE, which web-ui does not read");
        } finally {
            Files.deleteIfExists(variant);
        }
    }

    @Test
    void a_kafka_acl_table_that_lets_checkin_service_write_the_consent_topic_fails() throws Exception {
        requireDockerCompose();
        var script = Files.readString(REPO_ROOT.resolve("infra/prod/kafka/init-cluster.sh"));
        var broken = replaceIn(
                script,
                "checkin-service        publishes  attune.checkins.v1",
                "checkin-service        publishes  attune.consent.v1 attune.checkins.v1");
        var variant = REPO_ROOT.resolve("infra/prod/kafka/.validate-acl-variant.sh");
        Files.writeString(variant, broken);
        try {
            var builder = new ProcessBuilder("bash", "infra/validate-compose.sh")
                    .directory(REPO_ROOT.toFile())
                    .redirectErrorStream(true);
            builder.environment().put("VALIDATE_ACL_SCRIPT", "infra/prod/kafka/.validate-acl-variant.sh");
            var result = run(builder);

            assertThat(result.exitCode()).as(result.output()).isNotZero();
            assertThat(result.output())
                    .contains(
                            "FAIL: prod: infra/prod/kafka/.validate-acl-variant.sh: attune.consent.v1 must have exactly"
                                    + " one publisher (has: checkin-service web-ui )")
                    .contains("FAIL: prod: infra/prod/kafka/.validate-acl-variant.sh: checkin-service publishes"
                            + " [attune.checkins.v1 attune.consent.v1");
        } finally {
            Files.deleteIfExists(variant);
        }
    }

    private record Result(int exitCode, String output) {}

    private static String productionFile() throws Exception {
        return Files.readString(REPO_ROOT.resolve("infra/docker-compose.prod.yml"));
    }

    private static String replaceIn(String text, String target, String replacement) {
        assertThat(text).as("the fixture's anchor text is in the compose file").contains(target);
        return text.replace(target, replacement);
    }

    private static Result validateProductionVariant(String content) throws Exception {
        var variant = REPO_ROOT.resolve("infra/.validate-prod-variant.yml");
        Files.writeString(variant, content);
        try {
            return validate(null, "infra/.validate-prod-variant.yml");
        } finally {
            Files.deleteIfExists(variant);
        }
    }

    private static Result validate(String composeFile) throws Exception {
        return validate(composeFile, null);
    }

    private static Result validate(String composeFile, String productionFile) throws Exception {
        var builder = new ProcessBuilder("bash", "infra/validate-compose.sh")
                .directory(REPO_ROOT.toFile())
                .redirectErrorStream(true);
        if (composeFile != null) {
            builder.environment().put("VALIDATE_COMPOSE_FILE", composeFile);
        }
        if (productionFile != null) {
            builder.environment().put("VALIDATE_PROD_COMPOSE_FILE", productionFile);
        }
        return run(builder);
    }

    private static Result run(ProcessBuilder builder) throws Exception {
        var process = builder.start();
        var output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(240, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), output);
    }

    private static void requireDockerCompose() {
        boolean tool = onPath("docker-compose");
        if ("true".equals(System.getenv("CI"))) {
            assertThat(tool)
                    .as("CI must install docker-compose to validate the compose file")
                    .isTrue();
        }
        assumeTrue(tool, "docker-compose is not installed here");
    }

    private static boolean onPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }
}
