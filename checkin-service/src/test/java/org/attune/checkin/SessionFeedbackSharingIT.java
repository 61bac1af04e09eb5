package org.attune.checkin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.attune.events.DataClass;
import org.attune.events.SessionFeedbackRecorded;
import org.attune.events.Topics;
import org.attune.testsupport.AttuneIntegrationTest;
import org.attune.testsupport.EventProbe;
import org.attune.testsupport.EventPublisher;
import org.attune.testsupport.TestInfrastructure;
import org.attune.testsupport.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.reactive.server.WebTestClient;

@AttuneIntegrationTest
class SessionFeedbackSharingIT {

    @LocalServerPort
    int port;

    Api api;
    EventPublisher events;
    UUID client = UUID.randomUUID();
    UUID therapist = UUID.randomUUID();
    Instant tenDaysAgo = Instant.now().minus(Duration.ofDays(10)).truncatedTo(ChronoUnit.SECONDS);

    @BeforeEach
    void setUp() {
        api = new Api(port);
        events = new EventPublisher(TestInfrastructure.get().bootstrapServers());
    }

    @AfterEach
    void tearDown() {
        events.close();
    }

    String record(String json) {
        var body = api.post(client, "/api/v1/session-feedback", json)
                .expectStatus()
                .isCreated()
                .expectBody()
                .returnResult()
                .getResponseBody();
        return new String(body, StandardCharsets.UTF_8).replaceAll("(?s)^\\{\"id\":\"([^\"]+)\".*$", "$1");
    }

    WebTestClient.ResponseSpec share(UUID who, String id) {
        return api.raw()
                .post()
                .uri("/api/v1/session-feedback/" + id + "/share")
                .header("Authorization", "Bearer " + TestTokens.get().client(who))
                .exchange();
    }

    String therapistPath() {
        return "/api/v1/clients/" + client + "/session-feedback";
    }

    @Test
    void the_therapist_sees_every_check_with_the_words_only_where_the_client_shared_them() throws Exception {
        String privateId;
        try (var probe = EventProbe.open(TestInfrastructure.get().bootstrapServers(), Topics.SESSION_FEEDBACK)) {
            privateId = record("{\"heard\":4,\"goals\":5,\"approach\":6,\"overall\":5,\"sessionDate\":\""
                    + LocalDate.ofInstant(tenDaysAgo, ZoneOffset.UTC) + "\",\"comment\":\"I felt rushed\","
                    + "\"recordedAt\":\"" + tenDaysAgo + "\"}");
            var event = probe.await(
                    SessionFeedbackRecorded.class, e -> e.clientId().equals(client), Duration.ofSeconds(20));
            assertThat(event.sharedWithTherapist()).isFalse();
        }
        var sharedId = record(
                "{\"heard\":9,\"goals\":9,\"approach\":8,\"overall\":9,\"comment\":\"good\",\"shareComment\":true}");

        api.therapistGet(therapist, therapistPath()).expectStatus().isForbidden();
        Grants.grantAndAwait(
                api,
                events,
                client,
                therapist,
                EnumSet.of(DataClass.MOOD_CHECKINS),
                "/api/v1/clients/" + client + "/checkins",
                200);
        api.therapistGet(therapist, therapistPath()).expectStatus().isForbidden();
        Grants.grantAndAwait(
                api, events, client, therapist, EnumSet.of(DataClass.SESSION_FEEDBACK), therapistPath(), 200);

        api.therapistGet(therapist, therapistPath())
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.length()")
                .isEqualTo(2)
                .jsonPath("$[0].id")
                .isEqualTo(sharedId)
                .jsonPath("$[0].comment")
                .isEqualTo("good")
                .jsonPath("$[0].total")
                .isEqualTo(35)
                .jsonPath("$[0].ruptureSignal")
                .isEqualTo(false)
                .jsonPath("$[0].commentShared")
                .doesNotExist()
                .jsonPath("$[1].id")
                .isEqualTo(privateId)
                .jsonPath("$[1].heard")
                .isEqualTo(4)
                .jsonPath("$[1].goals")
                .isEqualTo(5)
                .jsonPath("$[1].approach")
                .isEqualTo(6)
                .jsonPath("$[1].overall")
                .isEqualTo(5)
                .jsonPath("$[1].total")
                .isEqualTo(20)
                .jsonPath("$[1].ruptureSignal")
                .isEqualTo(true)
                .jsonPath("$[1].reason")
                .isEqualTo("LOW_TOTAL")
                .jsonPath("$[1].recordedAt")
                .isEqualTo(tenDaysAgo.toString())
                .jsonPath("$[1].sessionDate")
                .isEqualTo(LocalDate.ofInstant(tenDaysAgo, ZoneOffset.UTC).toString())
                .jsonPath("$[1].comment")
                .isEmpty();
        var raw = new String(
                api.therapistGet(therapist, therapistPath())
                        .expectBody()
                        .returnResult()
                        .getResponseBody(),
                StandardCharsets.UTF_8);
        assertThat(raw).doesNotContain("I felt rushed");

        // the client shares the words later: now the therapist reads them; sharing again changes nothing
        share(client, privateId)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.commentShared")
                .isEqualTo(true)
                .jsonPath("$.comment")
                .isEqualTo("I felt rushed");
        share(client, privateId).expectStatus().isOk();
        api.therapistGet(therapist, therapistPath())
                .expectBody()
                .jsonPath("$[1].comment")
                .isEqualTo("I felt rushed");

        // a date range on the day the check is about
        var day = LocalDate.ofInstant(tenDaysAgo, ZoneOffset.UTC);
        api.therapistGet(therapist, therapistPath() + "?from=" + day + "&to=" + day)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.length()")
                .isEqualTo(1)
                .jsonPath("$[0].id")
                .isEqualTo(privateId);
        api.therapistGet(therapist, therapistPath() + "?from=2026-02-01&to=2026-01-01")
                .expectStatus()
                .isBadRequest();

        api.get(client, "/api/v1/access-log")
                .expectBody()
                .jsonPath("$.entries[?(@.resource == 'session-feedback')].dataClass")
                .value(classes -> assertThat((List<Object>) classes).hasSize(5).allMatch("SESSION_FEEDBACK"::equals));
    }

    @Test
    void a_client_lists_their_own_checks_with_their_words_and_can_share_only_their_own() {
        var id = record("{\"heard\":8,\"goals\":8,\"approach\":8,\"overall\":8,\"text\":\"mostly fine\"}");
        api.get(client, "/api/v1/session-feedback")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.length()")
                .isEqualTo(1)
                .jsonPath("$[0].id")
                .isEqualTo(id)
                .jsonPath("$[0].comment")
                .isEqualTo("mostly fine")
                .jsonPath("$[0].commentShared")
                .isEqualTo(false);
        api.get(client, "/api/v1/session-feedback?from=2000-01-01&to=2000-01-02")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.length()")
                .isEqualTo(0);

        var stranger = UUID.randomUUID();
        share(stranger, id).expectStatus().isNotFound();
        share(client, UUID.randomUUID().toString()).expectStatus().isNotFound();
        api.get(client, "/api/v1/session-feedback")
                .expectBody()
                .jsonPath("$[0].commentShared")
                .isEqualTo(false);
        api.get(stranger, "/api/v1/session-feedback")
                .expectBody()
                .jsonPath("$.length()")
                .isEqualTo(0);
        // sharing is the client's act, not a therapist's
        api.raw()
                .post()
                .uri("/api/v1/session-feedback/" + id + "/share")
                .header("Authorization", "Bearer " + TestTokens.get().therapist(UUID.randomUUID()))
                .exchange()
                .expectStatus()
                .isForbidden();
        api.post(client, "/api/v1/session-feedback", """
                        {"heard":8,"goals":8,"approach":8,"overall":8,"text":"a","comment":"b"}""")
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("comment");
        api.post(client, "/api/v1/session-feedback", """
                        {"heard":8,"goals":8,"approach":8,"overall":8,"shareComment":"yes"}""")
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("shareComment");
    }
}
