package org.attune.infra.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Validates the operators' compose file with docker-compose, which parses it offline. CI installs docker-compose
 * (.ci/run), so there this test must run; elsewhere it is skipped when the tool is missing.
 */
class ComposeFileIT {

    private static final Path REPO_ROOT = Path.of("../..").toAbsolutePath().normalize();

    @Test
    void the_operator_compose_file_is_valid_and_complete() throws Exception {
        requireDockerCompose();

        var result = validate(null);

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("web-ui: every variable compose sets is read by the application");
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

    private record Result(int exitCode, String output) {}

    private static Result validate(String composeFile) throws Exception {
        var builder = new ProcessBuilder("bash", "infra/validate-compose.sh")
                .directory(REPO_ROOT.toFile())
                .redirectErrorStream(true);
        if (composeFile != null) {
            builder.environment().put("VALIDATE_COMPOSE_FILE", composeFile);
        }
        var process = builder.start();
        var output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
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
