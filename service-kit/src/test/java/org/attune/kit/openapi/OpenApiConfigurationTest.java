package org.attune.kit.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.parameters.PathParameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class OpenApiConfigurationTest {

    OpenAPI springdocDefault() {
        var ok = new ApiResponses().addApiResponse("200", new ApiResponse().description("OK"));
        return new OpenAPI()
                .info(new Info().title("OpenAPI definition").version("v0"))
                .paths(new Paths()
                        .addPathItem("/api/v1/things", new PathItem().get(new Operation().responses(ok)))
                        .addPathItem(
                                "/api/v1/things/{id}",
                                new PathItem()
                                        .get(new Operation()
                                                .addParametersItem(new PathParameter().name("id"))
                                                .responses(new ApiResponses()
                                                        .addApiResponse(
                                                                "403", new ApiResponse().description("Not yours"))))));
    }

    OpenAPI customised(OpenAPI openApi) {
        new OpenApiConfiguration()
                .attuneOpenApiCustomizer(new MockEnvironment().withProperty("spring.application.name", "a-service"))
                .customise(openApi);
        return openApi;
    }

    @Test
    void every_operation_needs_the_bearer_token() {
        var openApi = customised(springdocDefault());

        assertThat(openApi.getSecurity())
                .singleElement()
                .satisfies(r -> assertThat(r).containsKey(OpenApiConfiguration.BEARER));
        assertThat(openApi.getComponents()
                        .getSecuritySchemes()
                        .get(OpenApiConfiguration.BEARER)
                        .getScheme())
                .isEqualTo("bearer");
    }

    @Test
    void every_operation_answers_401_and_403_as_problems_and_400_only_when_it_takes_input() {
        var paths = customised(springdocDefault()).getPaths();

        var list = paths.get("/api/v1/things").getGet().getResponses();
        assertThat(list).containsOnlyKeys("200", "401", "403");
        assertThat(list.get("401").getContent()).containsOnlyKeys(OpenApiConfiguration.PROBLEM_JSON);

        var one = paths.get("/api/v1/things/{id}").getGet().getResponses();
        assertThat(one).containsOnlyKeys("400", "401", "403");
        assertThat(one.get("403").getDescription())
                .as("the service's own words win")
                .isEqualTo("Not yours");
    }

    @Test
    void names_the_service_and_its_terms_where_springdoc_left_its_defaults() {
        var info = customised(springdocDefault()).getInfo();

        assertThat(info.getTitle()).isEqualTo("Attune a-service");
        assertThat(info.getVersion()).isEqualTo("v1");
        assertThat(info.getDescription()).contains("bearer token");
        assertThat(info.getLicense().getIdentifier()).isEqualTo(OpenApiConfiguration.LICENSE_REF);
    }

    @Test
    void keeps_the_info_a_service_declares_itself() {
        var openApi = springdocDefault();
        openApi.getInfo().title("Check-ins").version("2").description("Ours");

        var info = customised(openApi).getInfo();

        assertThat(info.getTitle()).isEqualTo("Check-ins");
        assertThat(info.getVersion()).isEqualTo("2");
        assertThat(info.getDescription()).isEqualTo("Ours");
    }
}
