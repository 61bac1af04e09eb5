package org.attune.checkin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.attune.events.AccountErased;
import org.attune.events.AttuneEvent;
import org.attune.events.ConsentGranted;
import org.attune.events.DataClass;
import org.attune.events.Role;
import org.attune.testsupport.AttuneIntegrationTest;
import org.attune.testsupport.EventPublisher;
import org.attune.testsupport.TestInfrastructure;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

@AttuneIntegrationTest
class ErasureIT {

    static final List<String> CLIENT_COLLECTIONS = List.of(
            "checkins", "questionnaire_responses", "session_feedback", "safety_flags", "access_log", "consent_grants");

    @LocalServerPort
    int port;

    @Autowired
    ReactiveMongoTemplate mongo;

    long documentsOf(UUID accountId) {
        long total = 0;
        for (String collection : CLIENT_COLLECTIONS) {
            total += mongo.count(
                            Query.query(new Criteria()
                                    .orOperator(
                                            Criteria.where("clientId").is(accountId),
                                            Criteria.where("therapistId").is(accountId))),
                            Document.class,
                            collection)
                    .block();
        }
        return total;
    }

    /** Waits until the count reaches the expected value; a timeout reports the last count seen. */
    void awaitCount(java.util.function.LongSupplier count, long expected) {
        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> assertThat(count.getAsLong()).isEqualTo(expected));
    }

    @Test
    void account_erased_leaves_no_document_of_that_client_in_any_collection() throws Exception {
        var api = new Api(port);
        var client = UUID.randomUUID();
        var therapist = UUID.randomUUID();
        var bystander = UUID.randomUUID();
        api.post(client, "/api/v1/checkins", Api.checkIn(5)).expectStatus().isCreated();
        api.post(bystander, "/api/v1/checkins", Api.checkIn(5)).expectStatus().isCreated();
        api.post(
                        client,
                        "/api/v1/questionnaires/PHQ-9/responses",
                        "{\"answers\": {\"1\":0,\"2\":0,\"3\":0,\"4\":0,\"5\":0,\"6\":0,\"7\":0,\"8\":0,\"9\":1}}")
                .expectStatus()
                .isCreated();
        api.post(client, "/api/v1/session-feedback", "{\"heard\":9,\"goals\":9,\"approach\":9,\"overall\":9}")
                .expectStatus()
                .isCreated();
        api.post(client, "/api/v1/help-now", "{}").expectStatus().isCreated();
        try (var events = new EventPublisher(TestInfrastructure.get().bootstrapServers())) {
            events.publish(new ConsentGranted(
                    UUID.randomUUID(),
                    Instant.now(),
                    AttuneEvent.CURRENT_SCHEMA_VERSION,
                    client,
                    UUID.randomUUID(),
                    therapist,
                    EnumSet.of(DataClass.MOOD_CHECKINS),
                    Instant.now().minusSeconds(60),
                    null));
            await().atMost(Duration.ofSeconds(10))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> api.therapistGet(therapist, "/api/v1/clients/" + client + "/checkins")
                                    .returnResult(String.class)
                                    .getStatus()
                                    .value()
                            == 200);
            // checkin, response, feedback, help-now flag, grant, and at least one access-log entry
            assertThat(documentsOf(client)).isGreaterThanOrEqualTo(6);

            events.publish(AccountErased.of(client, Role.CLIENT));
            awaitCount(() -> documentsOf(client), 0);
        }
        assertThat(documentsOf(bystander)).isEqualTo(1);
    }

    @Test
    void an_erased_therapist_loses_their_grants_and_their_reads_leave_the_log() throws Exception {
        var api = new Api(port);
        var client = UUID.randomUUID();
        var therapist = UUID.randomUUID();
        try (var events = new EventPublisher(TestInfrastructure.get().bootstrapServers())) {
            events.publish(new ConsentGranted(
                    UUID.randomUUID(),
                    Instant.now(),
                    AttuneEvent.CURRENT_SCHEMA_VERSION,
                    client,
                    UUID.randomUUID(),
                    therapist,
                    EnumSet.of(DataClass.MOOD_CHECKINS),
                    Instant.now().minusSeconds(60),
                    null));
            await().atMost(Duration.ofSeconds(10))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> api.therapistGet(therapist, "/api/v1/clients/" + client + "/progress")
                                    .returnResult(String.class)
                                    .getStatus()
                                    .value()
                            == 200);
            assertThat(documentsOf(therapist)).isGreaterThanOrEqualTo(2);
            events.publish(AccountErased.of(therapist, Role.THERAPIST));
            awaitCount(() -> documentsOf(therapist), 0);
        }
    }

    @Test
    void a_consent_granted_arriving_after_account_erased_does_not_bring_a_grant_back() throws Exception {
        var api = new Api(port);
        var client = UUID.randomUUID();
        var therapist = UUID.randomUUID();
        var erasedTherapist = UUID.randomUUID();
        var grantDocs = Query.query(new Criteria()
                .orOperator(
                        Criteria.where("clientId").in(client),
                        Criteria.where("therapistId").in(erasedTherapist)));
        try (var events = new EventPublisher(TestInfrastructure.get().bootstrapServers())) {
            events.publish(AccountErased.of(client, Role.CLIENT));
            events.publish(AccountErased.of(erasedTherapist, Role.THERAPIST));
            var markers = Query.query(Criteria.where("_id").in(client.toString(), erasedTherapist.toString()));
            awaitCount(() -> mongo.count(markers, "erased_accounts").block(), 2);

            // Late consent events (newer than the erasure) for the erased client and for the erased therapist.
            var late = Grants.grant(client, therapist, EnumSet.of(DataClass.MOOD_CHECKINS));
            var otherClient = UUID.randomUUID();
            var lateForTherapist = Grants.grant(otherClient, erasedTherapist, EnumSet.of(DataClass.MOOD_CHECKINS));
            events.publish(late);
            events.publish(lateForTherapist);
            // Both were consumed once they are among the applied events.
            var applied = Query.query(Criteria.where("_id")
                    .in(late.eventId().toString(), lateForTherapist.eventId().toString()));
            awaitCount(() -> mongo.count(applied, "applied_events").block(), 2);

            assertThat(mongo.count(grantDocs, "consent_grants").block()).isZero();
            api.therapistGet(therapist, "/api/v1/clients/" + client + "/checkins")
                    .expectStatus()
                    .isForbidden();
            api.therapistGet(erasedTherapist, "/api/v1/clients/" + otherClient + "/checkins")
                    .expectStatus()
                    .isForbidden();
        }
    }
}
