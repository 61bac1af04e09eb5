package org.attune.checkin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.attune.testsupport.AttuneIntegrationTest;
import org.attune.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.web.server.session.DefaultWebSessionManager;
import org.springframework.web.server.session.WebSessionManager;
import reactor.core.publisher.Mono;

@AttuneIntegrationTest
@Import(SecurityIT.CountingSessions.class)
class SecurityIT {

    /** Counts the server sessions requests actually resolve (Spring WebFlux asks lazily, on first use). */
    @TestConfiguration
    static class CountingSessions {

        static final AtomicInteger RESOLVED = new AtomicInteger();

        @Bean
        WebSessionManager webSessionManager() {
            var sessions = new DefaultWebSessionManager();
            return exchange -> Mono.defer(() -> {
                RESOLVED.incrementAndGet();
                return sessions.getSession(exchange);
            });
        }
    }

    @LocalServerPort
    int port;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    @Test
    void a_request_without_a_token_gets_401_as_problem_json() {
        api.raw()
                .get()
                .uri("/api/v1/checkins")
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo(401);
    }

    @Test
    void an_expired_token_and_a_token_signed_by_a_stranger_are_both_refused() {
        var id = UUID.randomUUID();
        for (String token : new String[] {
            TestTokens.get().expired(id, "CLIENT"), TestTokens.get().signedByStranger(id, "CLIENT"), "not-a-jwt"
        }) {
            api.raw()
                    .get()
                    .uri("/api/v1/checkins")
                    .header("Authorization", "Bearer " + token)
                    .exchange()
                    .expectStatus()
                    .isUnauthorized()
                    .expectHeader()
                    .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        }
    }

    @Test
    void no_request_resolves_a_server_session_whether_answered_refused_or_open() {
        int before = CountingSessions.RESOLVED.get();
        var client = UUID.randomUUID();

        api.get(client, "/api/v1/checkins").expectStatus().isOk();
        api.raw().get().uri("/api/v1/checkins").exchange().expectStatus().isUnauthorized();
        api.get(client, "/api/v1/clients/" + client + "/checkins")
                .expectStatus()
                .isForbidden();
        api.raw().get().uri("/v3/api-docs").exchange().expectStatus().isOk();

        assertThat(CountingSessions.RESOLVED.get() - before).isZero();
    }

    @Test
    void a_valid_client_token_is_accepted() {
        api.get(UUID.randomUUID(), "/api/v1/checkins").expectStatus().isOk();
    }

    @Test
    void a_therapist_cannot_record_a_check_in_and_gets_403_as_problem_json() {
        api.raw()
                .post()
                .uri("/api/v1/checkins")
                .header("Authorization", "Bearer " + TestTokens.get().therapist(UUID.randomUUID()))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Api.checkIn(5))
                .exchange()
                .expectStatus()
                .isForbidden()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo(403);
    }

    @Test
    void a_client_cannot_use_therapist_endpoints() {
        api.get(UUID.randomUUID(), "/api/v1/clients/" + UUID.randomUUID() + "/checkins")
                .expectStatus()
                .isForbidden();
    }

    @Test
    void an_unknown_path_is_denied_by_default() {
        api.get(UUID.randomUUID(), "/api/v1/something-else").expectStatus().isForbidden();
        api.raw().get().uri("/actuator/env").exchange().expectStatus().isUnauthorized();
    }
}
