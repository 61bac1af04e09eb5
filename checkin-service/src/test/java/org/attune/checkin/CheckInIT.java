package org.attune.checkin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;
import org.attune.events.CheckInRecorded;
import org.attune.events.Topics;
import org.attune.events.WindowOfTolerance;
import org.attune.testsupport.AttuneIntegrationTest;
import org.attune.testsupport.EventProbe;
import org.attune.testsupport.TestInfrastructure;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;

@AttuneIntegrationTest
class CheckInIT {

    @LocalServerPort
    int port;

    @Autowired
    ReactiveMongoTemplate mongo;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    long storedCheckIns(UUID clientId) {
        return mongo.count(Query.query(Criteria.where("clientId").is(clientId)), Document.class, "checkins")
                .block();
    }

    @Test
    void a_check_in_is_stored_and_check_in_recorded_arrives_on_kafka_without_the_note_text() throws Exception {
        var clientId = UUID.randomUUID();
        try (var probe = EventProbe.open(TestInfrastructure.get().bootstrapServers(), Topics.CHECKINS)) {
            var id = api.post(clientId, "/api/v1/checkins", Api.checkIn(7))
                    .expectStatus()
                    .isCreated()
                    .expectBody()
                    .jsonPath("$.mood")
                    .isEqualTo(7)
                    .jsonPath("$.emotions[1]")
                    .isEqualTo("hopeful")
                    .jsonPath("$.note")
                    .isEqualTo("a quiet day")
                    .returnResult()
                    .getResponseBody();
            assertThat(storedCheckIns(clientId)).isEqualTo(1);

            var event = probe.await(CheckInRecorded.class, e -> e.clientId().equals(clientId), Duration.ofSeconds(20));
            assertThat(event.mood()).isEqualTo(7);
            assertThat(event.window()).isEqualTo(WindowOfTolerance.WITHIN);
            assertThat(event.hasNote()).isTrue();
            assertThat(new String(id)).contains(event.checkInId().toString());
            var raw = probe.records().stream()
                    .filter(r -> r.key().equals(clientId.toString()))
                    .findFirst()
                    .orElseThrow();
            assertThat(new String(raw.value())).doesNotContain("a quiet day");
        }
        // The relay empties the outbox once the broker acknowledged its events.
        await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> assertThat(mongo.count(
                                        Query.query(Criteria.where("clientId")
                                                .is(clientId)
                                                .and("outbox.events.0")
                                                .exists(false)),
                                        Document.class,
                                        "checkins")
                                .block())
                        .as("check-ins of this client with an emptied outbox")
                        .isEqualTo(1));
    }

    @Test
    void a_duplicate_post_with_the_same_idempotency_key_stores_one_check_in_and_returns_the_first() {
        var clientId = UUID.randomUUID();
        var token = org.attune.testsupport.TestTokens.get().client(clientId);
        String[] ids = new String[2];
        for (int i = 0; i < 2; i++) {
            ids[i] = new String(api.raw()
                    .post()
                    .uri("/api/v1/checkins")
                    .header("Authorization", "Bearer " + token)
                    .header("Idempotency-Key", "retry-1")
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Api.checkIn(4 + i))
                    .exchange()
                    .expectStatus()
                    .isCreated()
                    .expectHeader()
                    .valueEquals("Idempotent-Replayed", String.valueOf(i == 1))
                    .expectBody()
                    .jsonPath("$.mood")
                    .isEqualTo(4)
                    .returnResult()
                    .getResponseBody());
        }
        assertThat(ids[1]).isEqualTo(ids[0]);
        assertThat(storedCheckIns(clientId)).isEqualTo(1);

        // The same key from another client is another check-in.
        var other = UUID.randomUUID();
        api.raw()
                .post()
                .uri("/api/v1/checkins")
                .header(
                        "Authorization",
                        "Bearer " + org.attune.testsupport.TestTokens.get().client(other))
                .header("Idempotency-Key", "retry-1")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Api.checkIn(5))
                .exchange()
                .expectStatus()
                .isCreated();
        assertThat(storedCheckIns(other)).isEqualTo(1);
        assertThat(storedCheckIns(clientId)).isEqualTo(1);
    }

    @Test
    void the_callers_own_check_ins_are_listed_newest_first_and_paginated() {
        var clientId = UUID.randomUUID();
        for (int mood = 1; mood <= 3; mood++) {
            api.post(clientId, "/api/v1/checkins", Api.checkIn(mood))
                    .expectStatus()
                    .isCreated();
        }
        api.post(UUID.randomUUID(), "/api/v1/checkins", Api.checkIn(9))
                .expectStatus()
                .isCreated();

        api.get(clientId, "/api/v1/checkins?page=0&size=2")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.totalItems")
                .isEqualTo(3)
                .jsonPath("$.items.length()")
                .isEqualTo(2)
                .jsonPath("$.items[0].mood")
                .isEqualTo(3)
                .jsonPath("$.items[1].mood")
                .isEqualTo(2);
        api.get(clientId, "/api/v1/checkins?page=1&size=2")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.items.length()")
                .isEqualTo(1)
                .jsonPath("$.items[0].mood")
                .isEqualTo(1);
        api.get(clientId, "/api/v1/checkins?from=2000-01-01&to=2000-01-31")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.totalItems")
                .isEqualTo(0);
    }

    @Test
    void a_dysregulated_check_in_is_answered_with_a_gentle_invitation_to_a_short_practice() {
        api.post(UUID.randomUUID(), "/api/v1/checkins", """
                        {"mood": 3, "window": "HYPER", "emotions": [], "energy": 8}""")
                .expectStatus()
                .isCreated()
                .expectBody()
                .jsonPath("$.invitation.practice")
                .isEqualTo("slow-breathing")
                .jsonPath("$.sleepHours")
                .doesNotExist();
    }

    @Test
    void invalid_check_in_bodies_get_400_problem_json_naming_the_field() {
        var clientId = UUID.randomUUID();
        var cases = new String[][] {
            {"{\"mood\": 11, \"window\": \"WITHIN\", \"energy\": 5}", "mood"},
            {"{\"mood\": -1, \"window\": \"WITHIN\", \"energy\": 5}", "mood"},
            {"{\"window\": \"WITHIN\", \"energy\": 5}", "mood"},
            {"{\"mood\": 5, \"energy\": 5}", "window"},
            {"{\"mood\": 5, \"window\": \"WITHIN\"}", "energy"},
            {"{\"mood\": 5, \"window\": \"WITHIN\", \"energy\": 5, \"sleepHours\": 25}", "sleepHours"},
            {"{\"mood\": \"high\", \"window\": \"WITHIN\", \"energy\": 5}", "mood"},
            {"{\"mood\": 6.5, \"window\": \"WITHIN\", \"energy\": 5}", "mood"},
            {"{\"mood\": 5, \"window\": \"SIDEWAYS\", \"energy\": 5}", "window"},
            {"{\"mood\": 5, \"window\": \"WITHIN\", \"energy\": 5, \"shareWithEveryone\": true}", "shareWithEveryone"},
            {"{\"mood\": 5, \"window\": \"WITHIN\", \"energy\": 5, \"note\": \"" + "x".repeat(2001) + "\"}", "note"},
            {
                "{\"mood\": 5, \"window\": \"WITHIN\", \"energy\": 5, \"emotions\": [\"calm\",\"sad\",\"numb\",\"tired\",\"proud\",\"angry\"]}",
                "emotions"
            },
            {
                "{\"mood\": 5, \"window\": \"WITHIN\", \"energy\": 5, \"emotions\": [\"" + "w".repeat(31) + "\"]}",
                "emotions[0]"
            },
            {"{\"mood\": 5, \"window\": \"WITHIN\", \"energy\": 5, \"tags\": [\"streak\"]}", "tags[0]"},
            {"{\"mood\": 5, \"window\": \"WITHIN\", \"energy\": 5, \"emotions\": \"calm\"}", "emotions"},
            {"[1, 2, 3]", "body"},
            {"{not json", "body"},
        };
        for (String[] c : cases) {
            api.post(clientId, "/api/v1/checkins", c[0])
                    .expectStatus()
                    .isBadRequest()
                    .expectHeader()
                    .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.errors[0].field")
                    .isEqualTo(c[1]);
        }
        // An oversized body as a whole is refused too, without a 500.
        api.post(clientId, "/api/v1/checkins", "{\"note\": \"" + "x".repeat(200_000) + "\"}")
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(storedCheckIns(clientId)).isZero();
    }

    @Test
    void free_emotion_words_are_kept_in_lower_case_next_to_the_listed_ones() {
        api.post(UUID.randomUUID(), "/api/v1/checkins", """
                        {"mood": 5, "window": "HYPO", "emotions": ["Numb", "far away"], "energy": 2}""")
                .expectStatus()
                .isCreated()
                .expectBody()
                .jsonPath("$.emotions[0]")
                .isEqualTo("numb")
                .jsonPath("$.emotions[1]")
                .isEqualTo("far away");
    }

    @Test
    void invalid_list_parameters_get_400() {
        var clientId = UUID.randomUUID();
        api.get(clientId, "/api/v1/checkins?size=101")
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("size");
        api.get(clientId, "/api/v1/checkins?page=-1").expectStatus().isBadRequest();
        api.get(clientId, "/api/v1/checkins?from=yesterday")
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("from");
        api.get(clientId, "/api/v1/checkins?from=2026-02-01&to=2026-01-01")
                .expectStatus()
                .isBadRequest();
    }
}
