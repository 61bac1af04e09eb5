package org.attune.checkin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.attune.events.AccountErased;
import org.attune.events.AttuneEvent;
import org.attune.events.DataClass;
import org.attune.events.EventJson;
import org.attune.events.Role;
import org.attune.events.SafetyFlagAcknowledged;
import org.attune.events.SafetyFlagRaised;
import org.attune.events.SafetyFlagReason;
import org.attune.events.Topics;
import org.attune.kit.outbox.Outbox;
import org.attune.testsupport.AttuneIntegrationTest;
import org.attune.testsupport.EventProbe;
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

@AttuneIntegrationTest
class SafetyFlagsIT {

    @LocalServerPort
    int port;

    @Autowired
    ReactiveMongoTemplate mongo;

    Api api;
    EventPublisher events;
    UUID client = UUID.randomUUID();
    UUID therapist = UUID.randomUUID();

    @BeforeEach
    void setUp() throws Exception {
        api = new Api(port);
        events = new EventPublisher(TestInfrastructure.get().bootstrapServers());
        api.post(client, "/api/v1/questionnaires/PHQ-9/responses", QuestionnaireAndFeedbackIT.PHQ9_ITEM9_ONLY)
                .expectStatus()
                .isCreated();
        Api.awaitNextMillisecond();
        api.post(client, "/api/v1/help-now", "").expectStatus().isCreated();
    }

    @AfterEach
    void tearDown() {
        events.close();
    }

    String flags() {
        return "/api/v1/clients/" + client + "/safety-flags";
    }

    WebTestClient.ResponseSpec acknowledge(UUID clientId, String flagId) {
        return api.raw()
                .post()
                .uri("/api/v1/clients/" + clientId + "/safety-flags/" + flagId + "/acknowledge")
                .header("Authorization", "Bearer " + TestTokens.get().therapist(therapist))
                .exchange();
    }

    @Test
    void every_raised_flag_is_its_own_document_and_the_client_sees_their_flags_newest_first() {
        api.get(client, "/api/v1/safety-flags")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.length()")
                .isEqualTo(2)
                .jsonPath("$[0].reason")
                .isEqualTo("HELP_NOW")
                .jsonPath("$[1].reason")
                .isEqualTo("SELF_HARM_ITEM")
                .jsonPath("$[1].id")
                .exists()
                .jsonPath("$[1].raisedAt")
                .exists()
                .jsonPath("$[1].acknowledgedAt")
                .isEmpty();
        // a therapist path is not for a client, and another client sees nothing of these
        api.get(client, flags()).expectStatus().isForbidden();
        api.get(UUID.randomUUID(), "/api/v1/safety-flags")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.length()")
                .isEqualTo(0);
    }

    @Test
    void a_therapist_needs_an_active_grant_with_safety_alerts_and_gets_the_same_403_for_an_unknown_client()
            throws Exception {
        var forExisting = new String(
                api.therapistGet(therapist, flags())
                        .expectStatus()
                        .isForbidden()
                        .expectHeader()
                        .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                        .expectBody()
                        .returnResult()
                        .getResponseBody(),
                StandardCharsets.UTF_8);
        var unknownPath = "/api/v1/clients/" + UUID.randomUUID() + "/safety-flags";
        var forUnknown = new String(
                api.therapistGet(therapist, unknownPath)
                        .expectStatus()
                        .isForbidden()
                        .expectBody()
                        .returnResult()
                        .getResponseBody(),
                StandardCharsets.UTF_8);
        assertThat(forExisting.replace(flags(), "X")).isEqualTo(forUnknown.replace(unknownPath, "X"));

        // mood check-ins shared, safety alerts not: still 403, also for acknowledging
        Grants.grantAndAwait(
                api,
                events,
                client,
                therapist,
                EnumSet.of(DataClass.MOOD_CHECKINS),
                "/api/v1/clients/" + client + "/checkins",
                200);
        api.therapistGet(therapist, flags()).expectStatus().isForbidden();
        var flagId = new String(
                        api.get(client, "/api/v1/safety-flags")
                                .expectBody()
                                .returnResult()
                                .getResponseBody(),
                        StandardCharsets.UTF_8)
                .replaceAll("(?s)^\\[\\{\"id\":\"([^\"]+)\".*$", "$1");
        acknowledge(client, flagId).expectStatus().isForbidden();
        api.get(client, "/api/v1/safety-flags")
                .expectBody()
                .jsonPath("$[0].acknowledgedAt")
                .isEmpty();
    }

    @Test
    void with_safety_alerts_a_therapist_lists_and_acknowledges_flags_idempotently_and_each_read_is_logged()
            throws Exception {
        Grants.grantAndAwait(api, events, client, therapist, EnumSet.of(DataClass.SAFETY_ALERTS), flags(), 200);
        var body = api.therapistGet(therapist, flags() + "?open=true")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.length()")
                .isEqualTo(2)
                .jsonPath("$[0].reason")
                .isEqualTo("HELP_NOW")
                .jsonPath("$[0].acknowledgedAt")
                .isEmpty()
                .jsonPath("$[1].reason")
                .isEqualTo("SELF_HARM_ITEM")
                .returnResult()
                .getResponseBody();
        var helpNowId = new String(body, StandardCharsets.UTF_8).replaceAll("(?s)^\\[\\{\"id\":\"([^\"]+)\".*$", "$1");

        var first = new String(
                acknowledge(client, helpNowId)
                        .expectStatus()
                        .isOk()
                        .expectBody()
                        .jsonPath("$.id")
                        .isEqualTo(helpNowId)
                        .jsonPath("$.acknowledgedAt")
                        .isNotEmpty()
                        .returnResult()
                        .getResponseBody(),
                StandardCharsets.UTF_8);
        Api.awaitNextMillisecond();
        var second = new String(
                acknowledge(client, helpNowId)
                        .expectStatus()
                        .isOk()
                        .expectBody()
                        .returnResult()
                        .getResponseBody(),
                StandardCharsets.UTF_8);
        assertThat(second).isEqualTo(first);

        api.therapistGet(therapist, flags() + "?open=true")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.length()")
                .isEqualTo(1)
                .jsonPath("$[0].reason")
                .isEqualTo("SELF_HARM_ITEM");
        api.therapistGet(therapist, flags() + "?open=false")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.length()")
                .isEqualTo(1)
                .jsonPath("$[0].id")
                .isEqualTo(helpNowId);
        api.therapistGet(therapist, flags()).expectBody().jsonPath("$.length()").isEqualTo(2);

        // an unknown flag, or a flag of another client under this client's path: 404
        acknowledge(client, UUID.randomUUID().toString()).expectStatus().isNotFound();
        var other = UUID.randomUUID();
        Grants.grantAndAwait(
                api,
                events,
                other,
                therapist,
                EnumSet.of(DataClass.SAFETY_ALERTS),
                "/api/v1/clients/" + other + "/safety-flags",
                200);
        acknowledge(other, helpNowId).expectStatus().isNotFound();

        // the client sees the acknowledgement, and every therapist read is in the access log
        api.get(client, "/api/v1/safety-flags")
                .expectBody()
                .jsonPath("$[0].acknowledgedAt")
                .isNotEmpty();
        api.get(client, "/api/v1/access-log")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.entries[?(@.resource == 'safety-flags')].dataClass")
                .value(classes ->
                        assertThat((List<Object>) classes).isNotEmpty().allMatch("SAFETY_ALERTS"::equals))
                .jsonPath("$.entries[?(@.resource == 'safety-flags/acknowledge')].dataClass")
                .value(acks -> assertThat((List<Object>) acks).hasSize(2));
        api.get(client, "/api/v1/export")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.safetyFlags.length()")
                .isEqualTo(2)
                .jsonPath("$.safetyFlags[?(@.id == '" + helpNowId + "')].acknowledgedBy")
                .value(by -> assertThat((List<Object>) by).containsExactly((Object) therapist.toString()))
                .jsonPath("$.helpNowRequests.length()")
                .isEqualTo(1);

        // an erased therapist's id leaves the flags they acknowledged
        var byTherapist = Query.query(Criteria.where("acknowledgedBy").is(therapist));
        assertThat(mongo.count(byTherapist, "safety_flags").block()).isEqualTo(1);
        events.publish(AccountErased.of(therapist, Role.THERAPIST));
        org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .until(() -> mongo.count(byTherapist, "safety_flags").block(), left -> left == 0);
        assertThat(mongo.count(Query.query(Criteria.where("clientId").is(client)), "safety_flags")
                        .block())
                .isEqualTo(2);
    }

    @Test
    void the_first_acknowledgement_of_a_flag_publishes_one_safety_flag_acknowledged_and_a_repeat_publishes_none()
            throws Exception {
        Grants.grantAndAwait(api, events, client, therapist, EnumSet.of(DataClass.SAFETY_ALERTS), flags(), 200);
        var ids = new ArrayList<String>();
        api.therapistGet(therapist, flags())
                .expectBody()
                .jsonPath("$[*].id")
                .value(listed -> ((List<?>) listed).forEach(id -> ids.add(id.toString())));
        assertThat(ids).hasSize(2);
        try (var probe = EventProbe.open(TestInfrastructure.get().bootstrapServers(), Topics.SAFETY)) {
            acknowledge(client, ids.get(0)).expectStatus().isOk();
            acknowledge(client, ids.get(0)).expectStatus().isOk();
            acknowledge(client, ids.get(1)).expectStatus().isOk();
            for (var id : ids) {
                var event = probe.await(
                        SafetyFlagAcknowledged.class, e -> e.flagId().toString().equals(id), Duration.ofSeconds(20));
                assertThat(event.clientId()).isEqualTo(client);
                assertThat(event.therapistId()).isEqualTo(therapist);
            }
            // For a while, a wrong second event (the relay's sweep, or the repeated call) would show up.
            org.awaitility.Awaitility.await()
                    .during(Duration.ofMillis(1_500))
                    .atMost(Duration.ofSeconds(10))
                    .untilAsserted(() -> assertThat(probe.records().stream()
                                    .filter(r -> r.value() != null)
                                    .map(r -> EventJson.read(r.value()))
                                    .filter(e -> e instanceof SafetyFlagAcknowledged
                                            && e.clientId().equals(client))
                                    .map(e -> ((SafetyFlagAcknowledged) e)
                                            .flagId()
                                            .toString())
                                    .toList())
                            .containsExactlyInAnyOrderElementsOf(ids));
        }
        api.therapistGet(therapist, flags())
                .expectBody()
                .jsonPath("$[0].acknowledgedAt")
                .isNotEmpty()
                .jsonPath("$[1].acknowledgedAt")
                .isNotEmpty();
        // the acknowledgement's event left the flag's outbox once published
        org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(
                        () -> mongo.count(
                                        Query.query(Criteria.where("clientId")
                                                .is(client)
                                                .and("outbox.events.0")
                                                .exists(true)),
                                        "safety_flags")
                                .block(),
                        pending -> pending == 0);
    }

    @Test
    void a_flag_id_that_is_no_flag_id_is_a_404_for_a_therapist_with_safety_alerts() throws Exception {
        Grants.grantAndAwait(api, events, client, therapist, EnumSet.of(DataClass.SAFETY_ALERTS), flags(), 200);
        acknowledge(client, "not-a-flag").expectStatus().isNotFound();
    }

    @Test
    void a_flag_whose_questionnaire_was_stored_just_before_a_crash_is_stored_when_the_relay_publishes_it()
            throws Exception {
        var crashed = UUID.randomUUID();
        var flagId = UUID.randomUUID();
        var now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        var raised = new SafetyFlagRaised(
                UUID.randomUUID(),
                now,
                AttuneEvent.CURRENT_SCHEMA_VERSION,
                crashed,
                flagId,
                SafetyFlagReason.SELF_HARM_ITEM,
                "questionnaire:PHQ-9:" + UUID.randomUUID());
        // As the service stores a response, but without the flag document that would have followed it.
        var outbox = Outbox.of(now.minusSeconds(60), List.of(raised));
        mongo.insert(
                        new Document(Map.of(
                                "_id",
                                UUID.randomUUID().toString(),
                                "clientId",
                                crashed,
                                "code",
                                "PHQ-9",
                                "completedAt",
                                now,
                                "outbox",
                                new Document(Map.of("events", outbox.events(), "dueAt", outbox.dueAt())))),
                        "questionnaire_responses")
                .block();
        // the sweep publishes the leftover (stored long due); the flag follows from the published event
        var listed = org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(
                        () -> new String(
                                api.get(crashed, "/api/v1/safety-flags")
                                        .expectBody()
                                        .returnResult()
                                        .getResponseBody(),
                                StandardCharsets.UTF_8),
                        body -> body.contains(flagId.toString()));
        assertThat(listed).contains("SELF_HARM_ITEM");
    }
}
