package org.attune.notification;

import java.nio.file.Path;
import org.attune.notification.support.IntegrationTestBase;
import org.attune.testsupport.OpenApiLint;
import org.junit.jupiter.api.Test;

class ApiDescriptionIT extends IntegrationTestBase {

    @Test
    void the_served_api_description_passes_the_recommended_openapi_lint_rules() {
        var description = web().get()
                .uri("/v3/api-docs")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();

        OpenApiLint.assertPasses(description, Path.of("target", "openapi-lint"));
    }
}
