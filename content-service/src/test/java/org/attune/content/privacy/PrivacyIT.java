package org.attune.content.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.attune.content.Api;
import org.attune.content.Consents;
import org.attune.content.TestClockConfig;
import org.attune.events.AccountErased;
import org.attune.events.CheckInRecorded;
import org.attune.events.DataClass;
import org.attune.events.Role;
import org.attune.events.WindowOfTolerance;
import org.attune.testsupport.AttuneIntegrationTest;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

@AttuneIntegrationTest
@Import(TestClockConfig.class)
class PrivacyIT {

    static final List<String> COLLECTIONS =
            List.of("engagements", "recommendations", "assignments", "access_log", "consent_grants");

    @LocalServerPort
    int port;

    @Autowired
    ReactiveMongoTemplate mongo;

    Api api;
    Consents consents;
    UUID client = UUID.randomUUID();
    UUID therapist = UUID.randomUUID();

    @BeforeEach
    void setUp() throws Exception {
        api = new Api(port);
        consents = new Consents(mongo);
        // A client with a little of everything: a grant, an assignment, a read in the access log, engagements and a
        // recommendation from a real check-in.
        consents.grant(
                client,
                therapist,
                Set.of(DataClass.CONTENT_ACTIVITY),
                Instant.now().minus(Duration.ofHours(1)),
                null);
        api.postAsTherapist(therapist, "/api/v1/clients/" + client + "/assignments", "{\"slug\":\"hand-on-chest\"}")
                .expectStatus()
                .isCreated();
        api.getAsTherapist(therapist, "/api/v1/clients/" + client + "/assignments")
                .expectStatus()
                .isOk();
        api.postAsClient(client, "/api/v1/content/hand-on-chest/engagements", "{\"kind\":\"COMPLETED\"}")
                .expectStatus()
                .isCreated();
        consents.send(CheckInRecorded.of(
                client,
                UUID.randomUUID(),
                3,
                WindowOfTolerance.HYPER,
                List.of(),
                4,
                null,
                List.of(),
                false,
                LocalDate.now()));
    }

    long held(String collection, UUID account) {
        var query = Query.query(new Criteria()
                .orOperator(
                        Criteria.where("clientId").is(account.toString()),
                        Criteria.where("therapistId").is(account.toString())));
        return mongo.count(query, Document.class, collection).block();
    }

    @Test
    void export_returns_all_of_the_clients_own_data_as_json() {
        api.getAsClient(client, "/api/v1/export")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.accountId")
                .isEqualTo(client.toString())
                .jsonPath("$.engagements[0].slug")
                .isEqualTo("hand-on-chest")
                .jsonPath("$.recommendations[0].slug")
                .isEqualTo("grounding-5-4-3-2-1")
                .jsonPath("$.recommendations[0].outbox")
                .doesNotExist()
                .jsonPath("$.assignments[0].slug")
                .isEqualTo("hand-on-chest")
                .jsonPath("$.access_log[0].therapistId")
                .isEqualTo(therapist.toString())
                .jsonPath("$.consent_grants[0].dataClasses[0]")
                .isEqualTo("CONTENT_ACTIVITY");
        // Someone else's export holds none of it.
        api.getAsClient(UUID.randomUUID(), "/api/v1/export")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.engagements.length()")
                .isEqualTo(0)
                .jsonPath("$.recommendations.length()")
                .isEqualTo(0);
    }

    @Test
    void account_erased_leaves_nothing_of_the_client_in_any_collection() throws Exception {
        COLLECTIONS.forEach(c -> assertThat(held(c, client)).as(c + " before").isPositive());

        consents.send(AccountErased.of(client, Role.CLIENT));

        COLLECTIONS.forEach(c -> assertThat(held(c, client)).as(c + " after").isZero());
        for (String collection : mongo.getCollectionNames().collectList().block()) {
            var any = mongo.find(new Query(), Document.class, collection)
                    .filter(d -> d.toJson().contains(client.toString()))
                    .count()
                    .block();
            assertThat(any).as("documents naming the client in " + collection).isZero();
        }
        api.getAsTherapist(therapist, "/api/v1/clients/" + client + "/assignments")
                .expectStatus()
                .isForbidden();
    }

    @Test
    void an_erased_therapist_loses_their_grants_and_assignments() throws Exception {
        assertThat(held("consent_grants", therapist)).isPositive();

        consents.send(AccountErased.of(therapist, Role.THERAPIST));

        assertThat(held("consent_grants", therapist)).isZero();
        assertThat(held("assignments", therapist)).isZero();
        assertThat(held("access_log", therapist)).isZero();
        assertThat(held("engagements", client))
                .as("the client's own engagements stay")
                .isPositive();
    }
}
