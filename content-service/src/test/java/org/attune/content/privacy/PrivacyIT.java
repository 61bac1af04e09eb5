package org.attune.content.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.attune.content.Api;
import org.attune.content.Consents;
import org.attune.content.TestClockConfig;
import org.attune.events.AccountErased;
import org.attune.events.CheckInRecorded;
import org.attune.events.DataClass;
import org.attune.events.Role;
import org.attune.events.SafetyFlagRaised;
import org.attune.events.SafetyFlagReason;
import org.attune.events.WindowOfTolerance;
import org.attune.testsupport.AttuneIntegrationTest;
import org.attune.testsupport.MutableClock;
import org.bson.Document;
import org.bson.types.Binary;
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

    static final List<String> COLLECTIONS = List.of(
            "engagements", "recommendations", "assignments", "reflection_answers", "access_log", "consent_grants");

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
    void setUp() throws Exception {
        api = new Api(port);
        consents = new Consents(mongo, clock);
        // A client with a little of everything: a grant, an assignment, a read in the access log, engagements and a
        // recommendation from a real check-in.
        consents.grant(
                client,
                therapist,
                Set.of(DataClass.CONTENT_ACTIVITY),
                clock.instant().minus(Duration.ofHours(1)),
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
        consents.send(hyperCheckIn(client));
        api.put(
                        org.attune.testsupport.TestTokens.get().client(client),
                        "/api/v1/content/between-sessions-carrying-the-thread/answer",
                        "{\"text\":\"A line to bring next time.\"}")
                .expectStatus()
                .isOk();
    }

    /** Documents naming the account in a clientId or therapistId field, stored as a string or as a UUID. */
    long held(String collection, UUID account) {
        var query = Query.query(new Criteria()
                .orOperator(
                        Criteria.where("clientId").in(account.toString(), account),
                        Criteria.where("therapistId").in(account.toString(), account)));
        return mongo.count(query, Document.class, collection).block();
    }

    /** "collection _id" of every document that mentions the account anywhere inside it, in any form. */
    List<String> documentsMentioning(UUID account) {
        var found = new ArrayList<String>();
        for (String collection : mongo.getCollectionNames().collectList().block()) {
            mongo.find(new Query(), Document.class, collection)
                    .filter(d -> mentions(d, account))
                    .map(d -> collection + " " + d.get("_id"))
                    .toStream()
                    .forEach(found::add);
        }
        return found;
    }

    private static boolean mentions(Object value, UUID id) {
        return switch (value) {
            case null -> false;
            case String s -> s.contains(id.toString());
            case UUID u -> u.equals(id);
            case Binary b -> b.getData().length == 16 && uuidOf(b.getData()).equals(id);
            case Map<?, ?> map -> map.values().stream().anyMatch(v -> mentions(v, id));
            case Collection<?> list -> list.stream().anyMatch(v -> mentions(v, id));
            default -> false;
        };
    }

    private static UUID uuidOf(byte[] bytes) {
        var buffer = ByteBuffer.wrap(bytes);
        return new UUID(buffer.getLong(), buffer.getLong());
    }

    CheckInRecorded hyperCheckIn(UUID account) {
        return CheckInRecorded.of(
                account,
                UUID.randomUUID(),
                3,
                WindowOfTolerance.HYPER,
                List.of(),
                4,
                null,
                List.of(),
                false,
                LocalDate.now());
    }

    @Test
    void export_returns_all_of_the_clients_own_data_as_json() {
        api.getAsClient(client, "/api/v1/export")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.accountId")
                .isEqualTo(client.toString())
                .jsonPath("$.role")
                .isEqualTo("CLIENT")
                .jsonPath("$.engagements[0].slug")
                .isEqualTo("hand-on-chest")
                .jsonPath("$.recommendations[0].slug")
                .isEqualTo("grounding-5-4-3-2-1")
                .jsonPath("$.recommendations[0].outbox")
                .doesNotExist()
                .jsonPath("$.assignments[0].slug")
                .isEqualTo("hand-on-chest")
                .jsonPath("$.reflection_answers[0].text")
                .isEqualTo("A line to bring next time.")
                .jsonPath("$.reflection_answers[0].shared")
                .isEqualTo(false)
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
                .jsonPath("$.reflection_answers.length()")
                .isEqualTo(0)
                .jsonPath("$.recommendations.length()")
                .isEqualTo(0)
                .jsonPath("$.access_log.length()")
                .isEqualTo(0)
                .jsonPath("$.consent_grants.length()")
                .isEqualTo(0);
    }

    @Test
    void account_erased_leaves_nothing_of_the_client_but_the_erasure_marker() throws Exception {
        COLLECTIONS.forEach(c -> assertThat(held(c, client)).as(c + " before").isPositive());

        consents.send(AccountErased.of(client, Role.CLIENT));

        COLLECTIONS.forEach(c -> assertThat(held(c, client)).as(c + " after").isZero());
        assertThat(documentsMentioning(client)).containsExactly("erased_accounts " + client);
        api.getAsTherapist(therapist, "/api/v1/clients/" + client + "/assignments")
                .expectStatus()
                .isForbidden();
    }

    @Test
    void events_about_an_erased_client_arriving_later_create_nothing() throws Exception {
        consents.send(AccountErased.of(client, Role.CLIENT));

        // Fresh event ids, so only the erasure marker can stop them: a late check-in (which would recommend), a late
        // safety flag (which would pin a piece past every limit) and a late grant.
        consents.send(hyperCheckIn(client));
        consents.send(SafetyFlagRaised.of(client, UUID.randomUUID(), SafetyFlagReason.HELP_NOW, "help-now"));
        consents.grant(
                client,
                therapist,
                Set.of(DataClass.CONTENT_ACTIVITY),
                clock.instant().minus(Duration.ofHours(1)),
                null);

        assertThat(held("recommendations", client)).isZero();
        assertThat(held("consent_grants", client)).isZero();
        assertThat(documentsMentioning(client)).containsExactly("erased_accounts " + client);
        api.postAsTherapist(therapist, "/api/v1/clients/" + client + "/assignments", "{\"slug\":\"hand-on-chest\"}")
                .expectStatus()
                .isForbidden();
    }

    @Test
    void an_erased_therapists_reads_stay_in_the_clients_access_log_under_a_pseudonym() throws Exception {
        assertThat(held("consent_grants", therapist)).isPositive();

        consents.send(AccountErased.of(therapist, Role.THERAPIST));

        assertThat(held("consent_grants", therapist)).isZero();
        assertThat(held("assignments", therapist)).isZero();
        assertThat(held("access_log", therapist)).isZero();
        assertThat(documentsMentioning(therapist)).containsExactly("erased_accounts " + therapist);
        api.getAsClient(client, "/api/v1/access-log")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.entries.length()")
                .isEqualTo(1)
                .jsonPath("$.entries[0].therapistId")
                .doesNotExist()
                .jsonPath("$.entries[0].reader")
                .isEqualTo("an erased therapist account")
                .jsonPath("$.entries[0].dataClass")
                .isEqualTo("CONTENT_ACTIVITY")
                .jsonPath("$.entries[0].resource")
                .isEqualTo("assignments");
    }

    @Test
    void an_erased_therapists_assignments_stay_with_the_client_without_the_therapists_id() throws Exception {
        consents.send(AccountErased.of(therapist, Role.THERAPIST));

        api.getAsClient(client, "/api/v1/assignments")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.length()")
                .isEqualTo(1)
                .jsonPath("$[0].slug")
                .isEqualTo("hand-on-chest")
                .jsonPath("$[0].therapistId")
                .doesNotExist()
                .jsonPath("$[0].completed")
                .isEqualTo(true);
        assertThat(held("engagements", client))
                .as("the client's own engagements stay")
                .isPositive();
        assertThat(held("recommendations", client)).isPositive();
    }
}
