package org.attune.webui.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.attune.events.Role;
import org.attune.webui.security.Caller;
import org.attune.webui.token.ServiceTokens.Service;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generic JSON calls keep the status and body of every answer, including refusals, and never throw. */
class ServiceTokensJsonTest {

    @TempDir
    Path dir;

    FakeService service;
    ServiceTokens tokens;
    final Caller caller = new Caller(UUID.randomUUID(), Role.CLIENT);

    @BeforeEach
    void start() throws Exception {
        service = new FakeService();
        tokens = service.tokens(dir);
    }

    @AfterEach
    void stop() {
        service.close();
    }

    @Test
    void postSendsJsonWithTheCallersBearerTokenAndKeepsTheAnswer() {
        service.answer(201, "{\"slug\":\"box-breathing\"}");

        var response = tokens.postJson(Service.CONTENT, "/api/v1/things", Map.of("kind", "COMPLETED"), caller);

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.ok()).isTrue();
        assertThat(response.body().path("slug").asString()).isEqualTo("box-breathing");
        var request = service.last();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.body()).isEqualTo("{\"kind\":\"COMPLETED\"}");
        assertThat(request.contentType()).startsWith("application/json");
        assertThat(request.authorization()).startsWith("Bearer ey");
    }

    @Test
    void aProblemAnswerKeepsItsStatusAndFieldErrors() {
        service.answer(400, "{\"status\":400,\"errors\":[{\"field\":\"timeZone\",\"message\":\"bad\"}]}");

        var response = tokens.putJson(Service.NOTIFICATION, "/api/v1/preferences", Map.of("timeZone", "Mars"), caller);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.ok()).isFalse();
        assertThat(response.body().path("errors").get(0).path("field").asString())
                .isEqualTo("timeZone");
        assertThat(service.last().method()).isEqualTo("PUT");
    }

    @Test
    void aForbiddenGetIsTellableFromNoAnswer() {
        service.answer(403, "{\"status\":403}");

        var refused = tokens.getJsonResponse(Service.CONTENT, "/api/v1/clients/x/assignments", caller);
        var silent = FakeService.unreachable(dir).getJsonResponse(Service.CONTENT, "/api/v1/content", caller);

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.answered()).isTrue();
        assertThat(silent.answered()).isFalse();
        assertThat(silent.body()).isNull();
    }

    @Test
    void anEmptyAnswerHasNoBody() {
        service.answer(204, null);

        var response = tokens.postJson(Service.CONTENT, "/api/v1/recommendations/r1/dismiss", null, caller);

        assertThat(response.status()).isEqualTo(204);
        assertThat(response.body()).isNull();
        assertThat(service.last().body()).isEmpty();
    }
}
