package org.attune.kit.openapi;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Declares once, for every service's API description: what the API is, the bearer token every call needs, and the
 * problem+json answers (400 for input, 401 without a valid token, 403 without the role or grant) operations can give.
 * Redocly CLI's recommended rules check the result in each service's ApiDescriptionIT.
 */
@AutoConfiguration
@ConditionalOnClass(OpenApiCustomizer.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
public class OpenApiConfiguration {

    static final String BEARER = "bearerToken";
    static final String PROBLEM = "Problem";
    static final String PROBLEM_JSON = "application/problem+json";
    /**
     * The repository has no licence file yet (the README calls Attune open-source but none is chosen), so this states
     * that instead of inventing one; replace it with the SPDX identifier once a licence is chosen.
     */
    static final String LICENSE_REF = "LicenseRef-Attune-NoLicenceYet";

    /** What springdoc writes when a service declares no info of its own. */
    private static final String DEFAULT_TITLE = "OpenAPI definition";

    private static final String DEFAULT_VERSION = "v0";

    @Bean
    OpenApiCustomizer attuneOpenApiCustomizer(Environment environment) {
        var service = environment.getProperty("spring.application.name", "service");
        return openApi -> {
            describe(openApi, service);
            var components = openApi.getComponents() == null ? new Components() : openApi.getComponents();
            openApi.setComponents(components);
            components.addSecuritySchemes(
                    BEARER,
                    new SecurityScheme()
                            .type(SecurityScheme.Type.HTTP)
                            .scheme("bearer")
                            .bearerFormat("JWT")
                            .description("A short-lived RS256 token from web-ui's POST /api/token."));
            components.addSchemas(PROBLEM, problemSchema());
            openApi.addSecurityItem(new SecurityRequirement().addList(BEARER));
            if (openApi.getPaths() != null) {
                openApi.getPaths()
                        .values()
                        .forEach(path -> path.readOperations().forEach(OpenApiConfiguration::addProblemAnswers));
            }
        };
    }

    /** Fills in only what the service left at springdoc's defaults. */
    private static void describe(OpenAPI openApi, String service) {
        var info = openApi.getInfo() == null ? new Info() : openApi.getInfo();
        openApi.setInfo(info);
        if (info.getTitle() == null || info.getTitle().equals(DEFAULT_TITLE)) {
            info.setTitle("Attune " + service);
        }
        if (info.getVersion() == null || info.getVersion().equals(DEFAULT_VERSION)) {
            info.setVersion("v1"); // every path is under /api/v1
        }
        if (info.getDescription() == null) {
            info.setDescription("The HTTP API of Attune's " + service + ". Every call needs a bearer token; errors"
                    + " are application/problem+json and never echo what was sent.");
        }
        if (info.getLicense() == null) {
            info.setLicense(new License()
                    .name("No licence chosen yet: all rights reserved until the repository declares one")
                    .identifier(LICENSE_REF));
        }
    }

    private static void addProblemAnswers(Operation operation) {
        var responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        operation.setResponses(responses);
        boolean takesInput = operation.getRequestBody() != null
                || (operation.getParameters() != null
                        && !operation.getParameters().isEmpty());
        if (takesInput) {
            add(responses, "400", "The input was not valid; the problem lists the fields at fault.");
        }
        add(responses, "401", "No valid token: sign in again.");
        add(responses, "403", "The caller's role or sharing does not allow this.");
    }

    private static void add(ApiResponses responses, String status, String description) {
        if (responses.containsKey(status)) {
            return;
        }
        responses.addApiResponse(
                status,
                new ApiResponse()
                        .description(description)
                        .content(new Content()
                                .addMediaType(
                                        PROBLEM_JSON,
                                        new MediaType()
                                                .schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)))));
    }

    private static Schema<?> problemSchema() {
        return new ObjectSchema()
                .description("RFC 9457 problem details; never echoes the input.")
                .addProperty("type", new StringSchema())
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema())
                .addProperty(
                        "errors",
                        new io.swagger.v3.oas.models.media.ArraySchema()
                                .items(new ObjectSchema()
                                        .addProperty("field", new StringSchema())
                                        .addProperty("message", new StringSchema())));
    }
}
