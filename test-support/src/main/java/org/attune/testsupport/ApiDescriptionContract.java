package org.attune.testsupport;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.reactive.function.client.WebClient;

/** What every service's API description must pass; a service's {@code ApiDescriptionIT} extends this. */
@AttuneIntegrationTest
public abstract class ApiDescriptionContract {

    @LocalServerPort
    int port;

    @Test
    void the_served_api_description_passes_the_recommended_openapi_lint_rules() {
        var description = WebClient.create("http://127.0.0.1:" + port)
                .get()
                .uri("/v3/api-docs")
                .retrieve()
                .bodyToMono(String.class)
                .block(Duration.ofSeconds(20));

        OpenApiLint.assertPasses(description, Path.of("target", "openapi-lint"));
    }
}
