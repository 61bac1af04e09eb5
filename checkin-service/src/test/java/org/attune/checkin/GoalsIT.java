package org.attune.checkin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.attune.events.AccountErased;
import org.attune.events.DataClass;
import org.attune.events.Role;
import org.attune.testsupport.AttuneIntegrationTest;
import org.attune.testsupport.EventPublisher;
import org.attune.testsupport.TestInfrastructure;
import org.attune.testsupport.TestTokens;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Shared goals: the limit of three, weekly ratings, ownership, the therapist's grant, export and erasure. */
@AttuneIntegrationTest
class GoalsIT {

    @LocalServerPort
    int port;

    @Autowired
    ReactiveMongoTemplate mongo;

    Api api;
    EventPublisher events;
    UUID client = UUID.randomUUID();
    UUID therapist = UUID.randomUUID();

    @BeforeEach
    void setUp() {
        api = new Api(port);
        events = new EventPublisher(TestInfrastructure.get().bootstrapServers());
    }

    @AfterEach
    void tearDown() {
        events.close();
    }

    WebTestClient.ResponseSpec create(UUID who, String text) {
        return api.post(who, "/api/v1/goals", "{\"text\": \"" + text + "\"}");
    }

    String createId(String text) {
        return id(body(create(client, text).expectStatus().isCreated()));
    }

    WebTestClient.ResponseSpec rate(UUID who, String goalId, String json) {
        return api.put(TestTokens.get().client(who), "/api/v1/goals/" + goalId + "/rating", json);
    }

    WebTestClient.ResponseSpec delete(UUID who, String goalId) {
        return api.raw()
                .delete()
                .uri("/api/v1/goals/" + goalId)
                .header("Authorization", "Bearer " + TestTokens.get().client(who))
                .exchange();
    }

    static String body(WebTestClient.ResponseSpec response) {
        return new String(response.expectBody().returnResult().getResponseBody(), StandardCharsets.UTF_8);
    }

    static String id(String json) {
        return json.replaceAll("(?s)^\\{\"id\":\"([^\"]+)\".*$", "$1");
    }

    long documents(String collection, Criteria criteria) {
        return mongo.count(Query.query(criteria), Document.class, collection).block();
    }

    @Test
    void a_client_works_on_at_most_three_goals_and_archiving_one_makes_room_for_the_next() {
        var first = createId("Speak up once a week at work");
        createId("Walk by the sea on Sundays");
        createId("Call my sister");

        create(client, "A fourth")
                .expectStatus()
                .isEqualTo(409)
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.detail")
                .value(detail -> assertThat((String) detail).contains("three goals"));

        api.post(client, "/api/v1/goals/" + first + "/archive", "{}")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.active")
                .isEqualTo(false);
        createId("A fourth, now there is room");
        api.post(client, "/api/v1/goals/" + first + "/restore", "{}")
                .expectStatus()
                .isEqualTo(409);

        api.get(client, "/api/v1/goals")
                .expectBody()
                .jsonPath("$.length()")
                .isEqualTo(4)
                .jsonPath("$[3].text")
                .isEqualTo("Speak up once a week at work")
                .jsonPath("$[?(@.active == true)].id")
                .value(active -> assertThat((List<?>) active).hasSize(3));
    }

    @Test
    void a_goal_needs_words_of_reasonable_length_and_a_rating_between_0_and_10() {
        create(client, "   ")
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("text");
        create(client, "x".repeat(201)).expectStatus().isBadRequest();
        var goal = createId("Sleep before midnight");
        rate(client, goal, "{\"rating\": 11}")
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("rating");
        rate(client, goal, "{}").expectStatus().isBadRequest();
        assertThat(documents("goal_ratings", Criteria.where("clientId").is(client)))
                .isZero();
    }

    @Test
    void a_second_rating_in_the_same_week_replaces_the_first_and_another_week_adds_one() {
        var goal = createId("Say no without explaining");
        // 2026-11-30 is a Monday; Wednesday and Sunday are the same week, the next Monday is the next.
        rate(client, goal, "{\"rating\": 3}").expectStatus().isOk();
        var now = Instant.now();
        var lastWeek = now.minus(Duration.ofDays(7));
        rate(client, goal, "{\"rating\": 2, \"recordedAt\": \"" + lastWeek + "\"}")
                .expectStatus()
                .isOk();
        rate(client, goal, "{\"rating\": 6}")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.ratings.length()")
                .isEqualTo(2)
                .jsonPath("$.ratings[0].rating")
                .isEqualTo(2)
                .jsonPath("$.ratings[1].rating")
                .isEqualTo(6);
        assertThat(documents("goal_ratings", Criteria.where("goalId").is(goal))).isEqualTo(2);

        api.post(client, "/api/v1/goals/" + goal + "/archive", "{}")
                .expectStatus()
                .isOk();
        rate(client, goal, "{\"rating\": 7}").expectStatus().isEqualTo(409);
    }

    @Test
    void a_goal_is_its_clients_alone_and_deleting_it_removes_it_with_every_rating() {
        var goal = createId("Rest when tired");
        rate(client, goal, "{\"rating\": 4}").expectStatus().isOk();
        var other = UUID.randomUUID();

        rate(other, goal, "{\"rating\": 9}").expectStatus().isNotFound();
        api.put(TestTokens.get().client(other), "/api/v1/goals/" + goal, "{\"text\": \"mine now\"}")
                .expectStatus()
                .isNotFound();
        delete(other, goal).expectStatus().isNotFound();
        api.get(other, "/api/v1/goals").expectBody().jsonPath("$.length()").isEqualTo(0);
        api.getAsTherapist(therapist, "/api/v1/goals").expectStatus().isForbidden();

        api.put(TestTokens.get().client(client), "/api/v1/goals/" + goal, "{\"text\": \"Rest when I am tired\"}")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.text")
                .isEqualTo("Rest when I am tired")
                .jsonPath("$.ratings[0].rating")
                .isEqualTo(4);

        delete(client, goal).expectStatus().isNoContent();
        api.get(client, "/api/v1/goals").expectBody().jsonPath("$.length()").isEqualTo(0);
        assertThat(documents("goal_ratings", Criteria.where("clientId").is(client)))
                .isZero();
        delete(client, goal).expectStatus().isNotFound();
    }

    @Test
    void a_therapist_sees_the_goals_only_under_instrument_scores_and_each_read_is_in_the_access_log() throws Exception {
        var goal = createId("Ask for help at work");
        rate(client, goal, "{\"rating\": 5}").expectStatus().isOk();
        var path = "/api/v1/clients/" + client + "/goals";

        Grants.grantAndAwait(
                api,
                events,
                client,
                therapist,
                EnumSet.of(DataClass.MOOD_CHECKINS),
                "/api/v1/clients/" + client + "/checkins",
                200);
        api.therapistGet(therapist, path)
                .expectStatus()
                .isForbidden()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(body(api.get(client, "/api/v1/access-log"))).doesNotContain("\"goals\"");

        Grants.grantAndAwait(api, events, client, therapist, EnumSet.of(DataClass.INSTRUMENT_SCORES), path, 200);
        api.therapistGet(therapist, path)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$[0].text")
                .isEqualTo("Ask for help at work")
                .jsonPath("$[0].ratings[0].rating")
                .isEqualTo(5);
        api.get(client, "/api/v1/access-log")
                .expectBody()
                .jsonPath("$.entries[?(@.resource == 'goals')].dataClass")
                .isEqualTo(List.of("INSTRUMENT_SCORES", "INSTRUMENT_SCORES"));
        // Read-only for the therapist: a goal is worded by the client.
        api.postAsTherapist(therapist, "/api/v1/goals", "{\"text\": \"my words\"}")
                .expectStatus()
                .isForbidden();
    }

    @Test
    void goals_are_in_the_clients_export_and_go_with_their_erasure() {
        var goal = createId("Go to the choir");
        rate(client, goal, "{\"rating\": 7}").expectStatus().isOk();
        var bystander = UUID.randomUUID();
        create(bystander, "Someone else's goal").expectStatus().isCreated();

        api.get(client, "/api/v1/export")
                .expectBody()
                .jsonPath("$.goals[0].text")
                .isEqualTo("Go to the choir")
                .jsonPath("$.goals[0].ratings[0].rating")
                .isEqualTo(7);

        events.publish(AccountErased.of(client, Role.CLIENT));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> documents("goals", Criteria.where("_id").is(client.toString()))
                                + documents(
                                        "goal_ratings",
                                        Criteria.where("clientId").is(client))
                        == 0);
        assertThat(documents("goals", Criteria.where("_id").is(bystander.toString())))
                .isEqualTo(1);
    }
}
