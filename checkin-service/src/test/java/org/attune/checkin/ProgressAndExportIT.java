package org.attune.checkin;

import java.util.UUID;
import org.attune.testsupport.AttuneIntegrationTest;
import org.attune.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@AttuneIntegrationTest
class ProgressAndExportIT {

    @LocalServerPort
    int port;

    @Test
    void a_client_sees_their_own_progress_with_every_section() {
        var api = new Api(port);
        var client = UUID.randomUUID();
        api.post(client, "/api/v1/checkins", Api.checkIn(4)).expectStatus().isCreated();
        api.post(client, "/api/v1/checkins", Api.checkIn(8)).expectStatus().isCreated();
        api.post(client, "/api/v1/session-feedback", "{\"heard\":5,\"goals\":5,\"approach\":5,\"overall\":5}")
                .expectStatus()
                .isCreated();
        api.get(client, "/api/v1/progress")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.mood.daily.length()")
                .isEqualTo(1)
                .jsonPath("$.mood.daily[0].mood")
                .isEqualTo(6.0)
                .jsonPath("$.mood.daily[0].checkIns")
                .isEqualTo(2)
                .jsonPath("$.mood.topEmotions[0].word")
                .isEqualTo("calm")
                .jsonPath("$.mood.topEmotions[0].count")
                .isEqualTo(2)
                .jsonPath("$.mood.topTags[0].word")
                .isEqualTo("needs-advocated")
                .jsonPath("$.sessionConnection[0].ruptureSignal")
                .isEqualTo(true)
                .jsonPath("$.instruments.length()")
                .isEqualTo(0)
                .jsonPath("$.about")
                .exists();
        api.get(client, "/api/v1/progress?from=2025-01-01&to=2026-12-31")
                .expectStatus()
                .isBadRequest();
    }

    @Test
    void export_returns_all_of_the_callers_own_data_including_notes_and_nothing_of_others() {
        var api = new Api(port);
        var client = UUID.randomUUID();
        var other = UUID.randomUUID();
        api.post(client, "/api/v1/checkins", Api.checkIn(4)).expectStatus().isCreated();
        api.post(other, "/api/v1/checkins", Api.checkIn(9)).expectStatus().isCreated();
        api.post(
                        client,
                        "/api/v1/questionnaires/GAD-7/responses",
                        "{\"answers\": {\"1\":1,\"2\":1,\"3\":1,\"4\":1,\"5\":1,\"6\":0,\"7\":0}}")
                .expectStatus()
                .isCreated();
        api.post(
                        client,
                        "/api/v1/session-feedback",
                        "{\"heard\":9,\"goals\":9,\"approach\":9,\"overall\":9,\"text\":\"good\"}")
                .expectStatus()
                .isCreated();
        api.post(client, "/api/v1/help-now", "").expectStatus().isCreated();
        api.get(client, "/api/v1/export")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.accountId")
                .isEqualTo(client.toString())
                .jsonPath("$.checkIns.length()")
                .isEqualTo(1)
                .jsonPath("$.checkIns[0].note")
                .isEqualTo("a quiet day")
                .jsonPath("$.checkIns[0].outbox")
                .doesNotExist()
                .jsonPath("$.questionnaireResponses[0].answers.1")
                .isEqualTo(1)
                .jsonPath("$.sessionFeedback[0].text")
                .isEqualTo("good")
                .jsonPath("$.helpNowRequests.length()")
                .isEqualTo(1)
                .jsonPath("$.consentGrants.length()")
                .isEqualTo(0)
                .jsonPath("$.accessLog.length()")
                .isEqualTo(0);
        // A therapist can export too (their own, here empty, data).
        api.raw()
                .get()
                .uri("/api/v1/export")
                .header("Authorization", "Bearer " + TestTokens.get().therapist(UUID.randomUUID()))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.role")
                .isEqualTo("THERAPIST")
                .jsonPath("$.checkIns.length()")
                .isEqualTo(0);
    }
}
