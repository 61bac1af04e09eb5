package org.attune.content.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import org.attune.content.Api;
import org.attune.content.Consents;
import org.attune.content.TestClockConfig;
import org.attune.events.ContentAssigned;
import org.attune.events.DataClass;
import org.attune.events.Topics;
import org.attune.testsupport.AttuneIntegrationTest;
import org.attune.testsupport.EventProbe;
import org.attune.testsupport.MutableClock;
import org.attune.testsupport.TestInfrastructure;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.MediaType;

@AttuneIntegrationTest
@Import(TestClockConfig.class)
class AssignmentIT {

    static final String BODY =
            "{\"slug\":\"paced-breathing\",\"note\":\"Try this once before Thursday, if it feels okay.\","
                    + "\"dueDate\":\"2099-01-01\"}";

    @LocalServerPort
    int port;

    @Autowired
    ReactiveMongoTemplate mongo;

    @Autowired
    MutableClock clock;

    Api api;
    Consents consents;
    UUID client = UUID.randomUUID();
    UUID therapist = UUID.randomUUID();

    @BeforeEach
    void setUp() {
        api = new Api(port);
        consents = new Consents(mongo, clock);
    }

    String path(UUID clientId) {
        return "/api/v1/clients/" + clientId + "/assignments";
    }

    @Test
    void assigning_needs_an_active_content_activity_grant_403_without_works_with_403_after_revoke() throws Exception {
        var forbidden = api.postAsTherapist(therapist, path(client), BODY)
                .expectStatus()
                .isForbidden()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        var forbiddenForNobody = api.postAsTherapist(therapist, path(UUID.randomUUID()), BODY)
                .expectStatus()
                .isForbidden()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(forbiddenForNobody.replaceAll("/api/v1/clients/[^/]+/", ""))
                .as("the same answer whether or not the client exists")
                .isEqualTo(forbidden.replaceAll("/api/v1/clients/[^/]+/", ""));
        api.getAsTherapist(therapist, path(client)).expectStatus().isForbidden();

        var grant = consents.grant(
                client,
                therapist,
                Set.of(DataClass.CONTENT_ACTIVITY),
                clock.instant().minus(Duration.ofHours(1)),
                null);

        String assignmentId;
        try (var probe = EventProbe.open(TestInfrastructure.get().bootstrapServers(), Topics.CONTENT)) {
            assignmentId = api.postAsTherapist(therapist, path(client), BODY)
                    .expectStatus()
                    .isCreated()
                    .expectBody()
                    .jsonPath("$.slug")
                    .isEqualTo("paced-breathing")
                    .jsonPath("$.title")
                    .isEqualTo("Paced breathing")
                    .jsonPath("$.dueDate")
                    .isEqualTo("2099-01-01")
                    .jsonPath("$.completed")
                    .isEqualTo(false)
                    .returnResult()
                    .getResponseBody()
                    .toString();
            var published =
                    probe.await(ContentAssigned.class, e -> e.clientId().equals(client), Duration.ofSeconds(30));
            assertThat(published.therapistId()).isEqualTo(therapist);
            assertThat(published.slug()).isEqualTo("paced-breathing");
            assertThat(published.note()).isEqualTo("Try this once before Thursday, if it feels okay.");
        }
        assertThat(assignmentId).isNotBlank();

        api.getAsClient(client, "/api/v1/assignments")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.length()")
                .isEqualTo(1)
                .jsonPath("$[0].note")
                .isEqualTo("Try this once before Thursday, if it feels okay.")
                .jsonPath("$[0].completed")
                .isEqualTo(false);

        api.postAsClient(client, "/api/v1/content/paced-breathing/engagements", "{\"kind\":\"COMPLETED\"}")
                .expectStatus()
                .isCreated();

        api.getAsTherapist(therapist, path(client))
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$[0].completed")
                .isEqualTo(true)
                .jsonPath("$[0].completedAt")
                .isNotEmpty();
        api.getAsClient(client, "/api/v1/assignments")
                .expectBody()
                .jsonPath("$[0].completed")
                .isEqualTo(true);
        api.getAsClient(client, "/api/v1/access-log")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.entries[0].therapistId")
                .isEqualTo(therapist.toString())
                .jsonPath("$.entries[0].dataClass")
                .isEqualTo("CONTENT_ACTIVITY")
                .jsonPath("$.entries[0].resource")
                .isEqualTo("assignments");

        clock.advance(Duration.ofSeconds(1));
        consents.revokeAt(client, therapist, grant.consentId(), clock.instant());

        api.postAsTherapist(therapist, path(client), BODY).expectStatus().isForbidden();
        api.getAsTherapist(therapist, path(client))
                .expectStatus()
                .isForbidden()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo(403);
    }

    @Test
    void a_grant_without_content_activity_or_one_that_has_ended_does_not_allow_assigning() throws Exception {
        var other = UUID.randomUUID();
        consents.grant(
                other,
                therapist,
                Set.of(DataClass.MOOD_CHECKINS),
                clock.instant().minus(Duration.ofHours(1)),
                null);
        api.postAsTherapist(therapist, path(other), BODY).expectStatus().isForbidden();

        var ended = UUID.randomUUID();
        var now = clock.instant();
        consents.grant(
                ended,
                therapist,
                Set.of(DataClass.CONTENT_ACTIVITY),
                now.minus(Duration.ofDays(30)),
                now.plus(Duration.ofHours(1)));
        api.postAsTherapist(therapist, path(ended), BODY).expectStatus().isCreated();
        clock.advance(Duration.ofHours(2));
        // No revoke has arrived, but the grant's end has passed.
        api.postAsTherapist(therapist, path(ended), BODY).expectStatus().isForbidden();
    }

    @Test
    void an_older_grant_arriving_after_a_revoke_does_not_reopen_access() throws Exception {
        var late = UUID.randomUUID();
        var t0 = clock.instant();
        var grant = consents.grantAt(
                late,
                therapist,
                Set.of(DataClass.CONTENT_ACTIVITY),
                t0.minus(Duration.ofHours(2)),
                null,
                t0.minusSeconds(60));
        consents.revokeAt(late, therapist, grant.consentId(), t0);
        api.postAsTherapist(therapist, path(late), BODY).expectStatus().isForbidden();

        // The original grant is redelivered late (a new event id, the old time): it must not win.
        consents.grantAt(
                late,
                therapist,
                Set.of(DataClass.CONTENT_ACTIVITY),
                t0.minus(Duration.ofHours(2)),
                null,
                t0.minusSeconds(30));
        api.postAsTherapist(therapist, path(late), BODY).expectStatus().isForbidden();
    }

    @Test
    void only_therapists_assign_and_bad_bodies_get_field_errors() throws Exception {
        var shared = UUID.randomUUID();
        consents.grant(
                shared,
                therapist,
                Set.of(DataClass.CONTENT_ACTIVITY),
                clock.instant().minus(Duration.ofHours(1)),
                null);

        api.postAsClient(shared, path(shared), BODY).expectStatus().isForbidden();
        expectFieldError(api.postAsTherapist(therapist, path(shared), "{\"note\":\"hi\"}"), "slug");
        expectFieldError(
                api.postAsTherapist(
                        therapist,
                        path(shared),
                        "{\"slug\":\"paced-breathing\",\"note\":\"" + "x".repeat(1001) + "\"}"),
                "note");
        expectFieldError(
                api.postAsTherapist(therapist, path(shared), "{\"slug\":\"paced-breathing\",\"colour\":\"red\"}"),
                "colour");
        expectFieldError(
                api.postAsTherapist(therapist, path(shared), "{\"slug\":\"paced-breathing\",\"dueDate\":42}"),
                "dueDate");
        expectFieldError(api.postAsTherapist(therapist, path(shared), "{\"slug\":\"Not A Slug\"}"), "slug");
        expectFieldError(
                api.postAsTherapist(
                        therapist, path(shared), "{\"slug\":\"paced-breathing\",\"dueDate\":\"2001-01-01\"}"),
                "dueDate");
        api.postAsTherapist(therapist, path(shared), "{\"slug\":\"no-such-piece\"}")
                .expectStatus()
                .isNotFound();
        api.postAsTherapist(therapist, "/api/v1/clients/not-a-uuid/assignments", BODY)
                .expectStatus()
                .isBadRequest();
    }

    static void expectFieldError(
            org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec response, String field) {
        response.expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo(field);
    }
}
