package org.attune.checkin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
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

/** The client's safety plan: versions, a therapist's suggestions, who may read it, export and erasure. */
@AttuneIntegrationTest
class SafetyPlanIT {

    static final String FIRST = """
            {"sections": {"warningSigns": ["I stop answering messages", "  ", "I can't sleep"],
              "reasonsForLiving": ["my sister"]}}""";
    static final String SECOND = """
            {"sections": {"warningSigns": ["I stop answering messages"], "ownCoping": ["a long walk"],
              "peopleToAsk": ["Sam"], "reasonsForLiving": ["my sister", "the sea"]}, "basedOnVersion": 1}""";

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

    WebTestClient.ResponseSpec save(UUID clientId, String json) {
        return api.put(TestTokens.get().client(clientId), "/api/v1/safety-plan", json);
    }

    String plan() {
        return "/api/v1/clients/" + client + "/safety-plan";
    }

    WebTestClient.ResponseSpec suggest(String json) {
        return api.postAsTherapist(therapist, plan() + "/suggestions", json);
    }

    String body(WebTestClient.ResponseSpec response) {
        return new String(response.expectBody().returnResult().getResponseBody(), StandardCharsets.UTF_8);
    }

    static String id(String json) {
        return json.replaceAll("(?s)^\\{\"id\":\"([^\"]+)\".*$", "$1");
    }

    long documents(String collection, Criteria criteria) {
        return mongo.count(Query.query(criteria), Document.class, collection).block();
    }

    @Test
    void a_client_without_a_plan_gets_an_empty_one_and_each_save_is_a_new_version_with_the_latest_shown() {
        api.get(client, "/api/v1/safety-plan")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.version")
                .isEqualTo(0)
                .jsonPath("$.sections.warningSigns.length()")
                .isEqualTo(0);

        save(client, FIRST)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.version")
                .isEqualTo(1)
                .jsonPath("$.sections.warningSigns")
                .isEqualTo(java.util.List.of("I stop answering messages", "I can't sleep"));
        save(client, SECOND).expectStatus().isOk();

        api.get(client, "/api/v1/safety-plan")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.version")
                .isEqualTo(2)
                .jsonPath("$.sections.ownCoping[0]")
                .isEqualTo("a long walk")
                .jsonPath("$.sections.reasonsForLiving.length()")
                .isEqualTo(2);
        api.get(client, "/api/v1/safety-plan/versions")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.length()")
                .isEqualTo(2)
                .jsonPath("$[0].version")
                .isEqualTo(2)
                .jsonPath("$[1].sections.warningSigns.length()")
                .isEqualTo(2);
        // Started from version 1 while version 2 exists: nothing is overwritten.
        save(client, SECOND)
                .expectStatus()
                .isEqualTo(409)
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(documents("safety_plan_versions", Criteria.where("clientId").is(client)))
                .isEqualTo(2);
        // Another client sees nothing of it.
        api.get(UUID.randomUUID(), "/api/v1/safety-plan")
                .expectBody()
                .jsonPath("$.version")
                .isEqualTo(0);
    }

    @Test
    void entries_beyond_the_limits_or_unknown_sections_are_a_problem_naming_the_field_and_nothing_is_saved() {
        var cases = new String[][] {
            {"{\"sections\": {\"warningSigns\": [\"" + "x".repeat(501) + "\"]}}", "sections.warningSigns[0]"},
            {"{\"sections\": {\"peopleToAsk\": [" + "\"a\",".repeat(20) + "\"b\"]}}", "sections.peopleToAsk"},
            {"{\"sections\": {\"nope\": [\"a\"]}}", "sections.nope"},
            {"{}", "sections"},
            {"{\"sections\": {}, \"basedOnVersion\": -1}", "basedOnVersion"},
        };
        for (var c : cases) {
            save(client, c[0])
                    .expectStatus()
                    .isBadRequest()
                    .expectHeader()
                    .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.errors[0].field")
                    .isEqualTo(c[1]);
        }
        assertThat(documents("safety_plan_versions", Criteria.where("clientId").is(client)))
                .isZero();
    }

    @Test
    void a_therapist_without_safety_alerts_gets_403_and_with_them_reads_the_plan_and_the_read_is_logged()
            throws Exception {
        save(client, FIRST).expectStatus().isOk();
        api.therapistGet(therapist, plan()).expectStatus().isForbidden();

        Grants.grantAndAwait(
                api,
                events,
                client,
                therapist,
                EnumSet.of(DataClass.MOOD_CHECKINS),
                "/api/v1/clients/" + client + "/checkins",
                200);
        api.therapistGet(therapist, plan())
                .expectStatus()
                .isForbidden()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        suggest("{\"section\": \"PEOPLE_TO_ASK\", \"entries\": [\"Sam\"]}")
                .expectStatus()
                .isForbidden();
        assertThat(documents(
                        "safety_plan_suggestions", Criteria.where("clientId").is(client)))
                .isZero();
        assertThat(body(api.get(client, "/api/v1/access-log"))).doesNotContain("safety-plan");

        Grants.grantAndAwait(api, events, client, therapist, EnumSet.of(DataClass.SAFETY_ALERTS), plan(), 200);
        api.therapistGet(therapist, plan())
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.version")
                .isEqualTo(1)
                .jsonPath("$.sections.reasonsForLiving[0]")
                .isEqualTo("my sister");
        api.get(client, "/api/v1/access-log")
                .expectBody()
                .jsonPath("$.entries[?(@.resource == 'safety-plan')].dataClass")
                .isEqualTo(java.util.List.of("SAFETY_ALERTS", "SAFETY_ALERTS"));
        // Read-only: the plan's own path is the client's alone.
        api.put(TestTokens.get().therapist(therapist), "/api/v1/safety-plan", FIRST)
                .expectStatus()
                .isForbidden();
    }

    @Test
    void a_suggestion_the_client_accepts_becomes_a_new_version_and_one_they_decline_changes_nothing() throws Exception {
        save(client, FIRST).expectStatus().isOk();
        Grants.grantAndAwait(api, events, client, therapist, EnumSet.of(DataClass.SAFETY_ALERTS), plan(), 200);

        var accepted = id(body(suggest("{\"section\": \"PEOPLE_TO_ASK\", \"entries\": [\"Sam (neighbour)\", \"my GP\"],"
                        + " \"note\": \"As we talked about today.\"}")
                .expectStatus()
                .isCreated()));
        var declined = id(body(suggest("{\"section\": \"WARNING_SIGNS\", \"entries\": [\"skipping meals\"]}")
                .expectStatus()
                .isCreated()));
        suggest("{\"section\": \"HOBBIES\", \"entries\": [\"x\"]}")
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("section");

        api.get(client, "/api/v1/safety-plan")
                .expectBody()
                .jsonPath("$.suggestions.length()")
                .isEqualTo(2)
                .jsonPath("$.suggestions[0].note")
                .isEqualTo("As we talked about today.")
                .jsonPath("$.suggestions[0].therapistId")
                .isEqualTo(therapist.toString());

        api.post(client, "/api/v1/safety-plan/suggestions/" + accepted + "/accept", "")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.version")
                .isEqualTo(2)
                .jsonPath("$.sections.peopleToAsk")
                .isEqualTo(java.util.List.of("Sam (neighbour)", "my GP"))
                .jsonPath("$.sections.warningSigns.length()")
                .isEqualTo(2)
                .jsonPath("$.suggestions.length()")
                .isEqualTo(1);
        api.post(client, "/api/v1/safety-plan/suggestions/" + accepted + "/accept", "")
                .expectStatus()
                .isEqualTo(409);
        api.post(client, "/api/v1/safety-plan/suggestions/" + declined + "/decline", "")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.version")
                .isEqualTo(2)
                .jsonPath("$.sections.warningSigns[0]")
                .isEqualTo("I stop answering messages")
                .jsonPath("$.suggestions.length()")
                .isEqualTo(0);
        // Someone else's suggestion id is not found for this client.
        api.post(UUID.randomUUID(), "/api/v1/safety-plan/suggestions/" + declined + "/decline", "")
                .expectStatus()
                .isNotFound();

        api.therapistGet(therapist, plan())
                .expectBody()
                .jsonPath("$.version")
                .isEqualTo(2)
                .jsonPath("$.suggestions[?(@.id == '" + accepted + "')].status")
                .isEqualTo(java.util.List.of("ACCEPTED"))
                .jsonPath("$.suggestions[?(@.id == '" + declined + "')].status")
                .isEqualTo(java.util.List.of("DECLINED"));
        assertThat(documents("safety_plan_versions", Criteria.where("clientId").is(client)))
                .isEqualTo(2);
    }

    @Test
    void the_export_contains_every_version_and_suggestion_and_erasure_leaves_none() throws Exception {
        save(client, FIRST).expectStatus().isOk();
        save(client, SECOND).expectStatus().isOk();
        Grants.grantAndAwait(api, events, client, therapist, EnumSet.of(DataClass.SAFETY_ALERTS), plan(), 200);
        suggest("{\"section\": \"PROFESSIONALS\", \"entries\": [\"the crisis team\"]}")
                .expectStatus()
                .isCreated();
        var bystander = UUID.randomUUID();
        save(bystander, FIRST).expectStatus().isOk();

        api.get(client, "/api/v1/export")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.safetyPlan.versions.length()")
                .isEqualTo(2)
                .jsonPath("$.safetyPlan.versions[1].sections.ownCoping[0]")
                .isEqualTo("a long walk")
                .jsonPath("$.safetyPlan.suggestions[0].section")
                .isEqualTo("PROFESSIONALS")
                .jsonPath("$.safetyPlan.suggestions[0].status")
                .isEqualTo("OPEN");

        var mine = Criteria.where("clientId").is(client);
        events.publish(AccountErased.of(client, Role.CLIENT));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> documents("safety_plan_versions", mine) + documents("safety_plan_suggestions", mine) == 0);
        assertThat(documents("safety_plan_versions", Criteria.where("clientId").is(bystander)))
                .isEqualTo(1);
    }

    @Test
    void an_erased_therapist_leaves_no_trace_on_the_suggestions_the_client_keeps() throws Exception {
        Grants.grantAndAwait(api, events, client, therapist, EnumSet.of(DataClass.SAFETY_ALERTS), plan(), 200);
        suggest("{\"section\": \"OWN_COPING\", \"entries\": [\"cold water on my face\"]}")
                .expectStatus()
                .isCreated();

        events.publish(AccountErased.of(therapist, Role.THERAPIST));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> documents(
                                "safety_plan_suggestions",
                                Criteria.where("therapistId").is(therapist))
                        == 0);
        api.get(client, "/api/v1/safety-plan")
                .expectBody()
                .jsonPath("$.suggestions[0].entries[0]")
                .isEqualTo("cold water on my face")
                .jsonPath("$.suggestions[0].therapistId")
                .doesNotExist();
    }
}
