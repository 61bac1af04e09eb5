package org.attune.content.reflection;

import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import org.attune.content.Api;
import org.attune.content.Consents;
import org.attune.content.TestClockConfig;
import org.attune.events.DataClass;
import org.attune.testsupport.AttuneIntegrationTest;
import org.attune.testsupport.MutableClock;
import org.attune.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.MediaType;

/** A client's written answer to a reflection: their own, private unless shared, readable by a therapist under NOTES. */
@AttuneIntegrationTest
@Import(TestClockConfig.class)
class ReflectionAnswerIT {

    static final String REFLECTION = "/api/v1/content/between-sessions-carrying-the-thread/answer";

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

    void write(UUID who, String json) {
        api.put(TestTokens.get().client(who), REFLECTION, json).expectStatus().isOk();
    }

    void grant(DataClass... classes) throws Exception {
        consents.grant(client, therapist, Set.of(classes), clock.instant().minus(Duration.ofHours(1)), null);
    }

    @Test
    void a_client_writes_rereads_rewrites_and_removes_their_answer_which_is_private_by_default() {
        api.getAsClient(client, REFLECTION).expectStatus().isNotFound();

        api.put(TestTokens.get().client(client), REFLECTION, "{\"text\":\"  The look when I said no.  \"}")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.text")
                .isEqualTo("The look when I said no.")
                .jsonPath("$.shared")
                .isEqualTo(false);
        write(client, "{\"text\":\"The look, and the quiet after.\",\"shared\":true}");

        api.getAsClient(client, REFLECTION)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.text")
                .isEqualTo("The look, and the quiet after.")
                .jsonPath("$.shared")
                .isEqualTo(true)
                .jsonPath("$.slug")
                .isEqualTo("between-sessions-carrying-the-thread");
        api.getAsClient(UUID.randomUUID(), REFLECTION).expectStatus().isNotFound();

        api.raw()
                .delete()
                .uri(REFLECTION)
                .header("Authorization", "Bearer " + TestTokens.get().client(client))
                .exchange()
                .expectStatus()
                .isNoContent();
        api.getAsClient(client, REFLECTION).expectStatus().isNotFound();
    }

    @Test
    void only_reflections_take_an_answer_and_the_text_has_limits() {
        var token = TestTokens.get().client(client);
        api.put(token, "/api/v1/content/paced-breathing/answer", "{\"text\":\"hello\"}")
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("slug");
        api.put(token, "/api/v1/content/no-such-piece/answer", "{\"text\":\"hello\"}")
                .expectStatus()
                .isNotFound();
        api.put(token, REFLECTION, "{\"text\":\"   \"}")
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("text");
        api.put(token, REFLECTION, "{\"text\":\"" + "a".repeat(5001) + "\"}")
                .expectStatus()
                .isBadRequest();
        api.put(token, REFLECTION, "{\"text\":\"hi\",\"colour\":\"blue\"}")
                .expectStatus()
                .isBadRequest();
    }

    @Test
    void a_therapist_never_reaches_a_clients_answer_directly() {
        write(client, "{\"text\":\"Mine.\",\"shared\":true}");
        api.getAsTherapist(therapist, REFLECTION).expectStatus().isForbidden();
        api.put(TestTokens.get().therapist(therapist), REFLECTION, "{\"text\":\"Not mine.\"}")
                .expectStatus()
                .isForbidden();
    }

    @Test
    void a_therapist_with_notes_reads_only_the_shared_answers_and_the_read_is_logged() throws Exception {
        write(client, "{\"text\":\"Something I wish I had said.\",\"shared\":true}");
        api.put(
                        TestTokens.get().client(client),
                        "/api/v1/content/red-flags-reflection/answer",
                        "{\"text\":\"Kept for me.\"}")
                .expectStatus()
                .isOk();
        grant(DataClass.NOTES);

        api.getAsTherapist(therapist, "/api/v1/clients/" + client + "/reflections")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.length()")
                .isEqualTo(1)
                .jsonPath("$[0].text")
                .isEqualTo("Something I wish I had said.")
                .jsonPath("$[0].title")
                .isEqualTo("Carrying the thread between sessions");
        api.getAsClient(client, "/api/v1/access-log")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.entries[0].dataClass")
                .isEqualTo("NOTES")
                .jsonPath("$.entries[0].resource")
                .isEqualTo("reflections");

        // Taking the share back is one rewrite.
        write(client, "{\"text\":\"Something I wish I had said.\",\"shared\":false}");
        api.getAsTherapist(therapist, "/api/v1/clients/" + client + "/reflections")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.length()")
                .isEqualTo(0);
    }

    @Test
    void without_notes_a_therapist_gets_403_whether_or_not_anything_is_shared() throws Exception {
        write(client, "{\"text\":\"Shared, but not under NOTES.\",\"shared\":true}");
        grant(DataClass.CONTENT_ACTIVITY, DataClass.MOOD_CHECKINS);

        api.getAsTherapist(therapist, "/api/v1/clients/" + client + "/reflections")
                .expectStatus()
                .isForbidden();
        api.getAsTherapist(UUID.randomUUID(), "/api/v1/clients/" + UUID.randomUUID() + "/reflections")
                .expectStatus()
                .isForbidden();
        api.getAsClient(client, "/api/v1/clients/" + client + "/reflections")
                .expectStatus()
                .isForbidden();
    }
}
