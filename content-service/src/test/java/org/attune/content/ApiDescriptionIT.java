package org.attune.content;

import java.nio.file.Path;
import java.time.Duration;
import org.attune.testsupport.AttuneIntegrationTest;
import org.attune.testsupport.OpenApiLint;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.web.reactive.function.client.WebClient;

@AttuneIntegrationTest
@Import(TestClockConfig.class)
class ApiDescriptionIT {

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
