package org.attune.content.library;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.attune.content.Api;
import org.attune.content.TestClockConfig;
import org.attune.testsupport.AttuneIntegrationTest;
import org.attune.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;

@AttuneIntegrationTest
@Import(TestClockConfig.class)
class LibraryIT {

    static final String SHIPPED = "classpath*:content/*/*.md";

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @Autowired
    ReactiveMongoTemplate mongo;

    @Autowired
    LibraryLoader loader;

    @Autowired
    org.attune.testsupport.MutableClock clock;

    Api api;
    UUID reader = UUID.randomUUID();

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    long activeCount() {
        return mongo.count(Query.query(Criteria.where("status").is(ContentStatus.ACTIVE)), ContentPiece.class)
                .block();
    }

    @Test
    void loads_the_library_on_start_and_a_second_load_changes_nothing() {
        long shipped = LibraryLoader.read(SHIPPED).size();
        assertThat(shipped).isGreaterThanOrEqualTo(30);
        assertThat(activeCount()).isEqualTo(shipped);
        var versionBefore =
                mongo.findById("paced-breathing", ContentPiece.class).block().version();

        var second = loader.sync(SHIPPED).block(Duration.ofSeconds(30));

        assertThat(second.unchanged()).isEqualTo((int) shipped);
        assertThat(second.added() + second.updated() + second.retired()).isZero();
        assertThat(mongo.count(new Query(), ContentPiece.class).block()).isEqualTo(shipped);
        assertThat(mongo.findById("paced-breathing", ContentPiece.class).block().version())
                .isEqualTo(versionBefore);

        // A second start of the service against the same store runs the same start-up step.
        new LibraryLoader(mongo, clock, SHIPPED).run(null);
        assertThat(mongo.count(new Query(), ContentPiece.class).block()).isEqualTo(shipped);
        assertThat(activeCount()).isEqualTo(shipped);
    }

    @Test
    void a_second_start_of_the_service_on_the_same_store_keeps_the_same_count() {
        long before = mongo.count(new Query(), ContentPiece.class).block();
        var versions = new java.util.HashMap<String, Integer>();
        mongo.findAll(ContentPiece.class).toIterable().forEach(p -> versions.put(p.slug(), p.version()));
        String database = mongo.getMongoDatabase().block().getName();

        try (var second = new org.springframework.boot.builder.SpringApplicationBuilder(
                        org.attune.content.ContentServiceApplication.class)
                .initializers(new org.attune.testsupport.AttuneInfrastructureInitializer())
                .properties("attune.test.database=" + database)
                // Arguments, not builder properties (those are defaults, below application.yml): free ports.
                .run(
                        "--server.port=0",
                        // This instance needs no actuator server of its own.
                        "--management.server.port=-1",
                        // Only the start-up matters here; keep the second instance off the topics.
                        "--spring.kafka.listener.auto-startup=false")) {
            var secondMongo = second.getBean(ReactiveMongoTemplate.class);
            assertThat(secondMongo.getMongoDatabase().block().getName()).isEqualTo(database);
            assertThat(secondMongo.count(new Query(), ContentPiece.class).block())
                    .isEqualTo(before);
        }
        assertThat(mongo.count(new Query(), ContentPiece.class).block()).isEqualTo(before);
        mongo.findAll(ContentPiece.class)
                .toIterable()
                .forEach(p -> assertThat(p.version()).as(p.slug()).isEqualTo(versions.get(p.slug())));
        // Stopping the second instance leaves the first one serving: each runs on event loops of its own.
        api.get(null, "/v3/api-docs").expectStatus().isOk();
        api.get(null, "http://127.0.0.1:" + managementPort + "/actuator/health")
                .expectStatus()
                .isOk();
    }

    @Test
    void a_changed_file_updates_its_piece_and_a_removed_file_retires_it(@TempDir Path dir) throws Exception {
        try {
            var shipped = LibraryLoader.read(SHIPPED);
            for (var resource : new org.springframework.core.io.support.PathMatchingResourcePatternResolver()
                    .getResources(SHIPPED)) {
                Files.writeString(
                        dir.resolve(resource.getFilename()),
                        resource.getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
            }
            var changed = dir.resolve("window-of-tolerance.md");
            Files.writeString(changed, Files.readString(changed) + "\nA sentence added in review.\n");
            Files.delete(dir.resolve("cool-water-reset.md"));
            int before = mongo.findById("window-of-tolerance", ContentPiece.class)
                    .block()
                    .version();

            var report = loader.sync("file:" + dir + "/*.md").block(Duration.ofSeconds(30));

            assertThat(report.updated()).isEqualTo(1);
            assertThat(report.retired()).isEqualTo(1);
            assertThat(report.unchanged()).isEqualTo(shipped.size() - 2);
            var updated =
                    mongo.findById("window-of-tolerance", ContentPiece.class).block();
            assertThat(updated.body()).contains("A sentence added in review.");
            assertThat(updated.version()).isEqualTo(before + 1);
            assertThat(mongo.findById("cool-water-reset", ContentPiece.class)
                            .block()
                            .status())
                    .isEqualTo(ContentStatus.RETIRED);
            api.getAsClient(reader, "/api/v1/content/cool-water-reset")
                    .expectStatus()
                    .isNotFound();
        } finally {
            var restored = loader.sync(SHIPPED).block(Duration.ofSeconds(30));
            assertThat(restored.updated()).as("the shipped versions come back").isEqualTo(2);
        }
        assertThat(mongo.findById("cool-water-reset", ContentPiece.class)
                        .block()
                        .status())
                .isEqualTo(ContentStatus.ACTIVE);
    }

    @Test
    void search_finds_a_piece_by_words_that_appear_only_in_its_body() {
        // Both words appear in no title, summary or front matter: only in the Markdown body of one piece.
        api.getAsClient(reader, "/api/v1/content?q=Groundwork QUESTIONNAIRES")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.total")
                .isEqualTo(1)
                .jsonPath("$.items[0].slug")
                .isEqualTo("what-to-expect-from-therapy-pace");
        // Step texts of exercises are searchable too.
        api.getAsClient(reader, "/api/v1/content?q=fogging")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.items[0].slug")
                .isEqualTo("paced-breathing");
        api.getAsClient(reader, "/api/v1/content?q=window of tolerance&kind=READING&topic=window-of-tolerance")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.items[?(@.slug == 'window-of-tolerance')]")
                .value(found -> assertThat((java.util.List<?>) found).hasSize(1))
                .jsonPath("$.items[?(@.kind != 'READING')]")
                .value(others -> assertThat((java.util.List<?>) others).isEmpty());
        api.getAsClient(reader, "/api/v1/content?q=zzzunheardofword")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.total")
                .isEqualTo(0);
    }

    @Test
    void lists_by_topic_kind_and_locale_one_page_at_a_time() {
        api.getAsTherapist(reader, "/api/v1/content?topic=repair&kind=SCRIPT&locale=en&size=2&page=0")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.total")
                .isEqualTo(3)
                .jsonPath("$.items.length()")
                .isEqualTo(2)
                .jsonPath("$.items[0].body")
                .doesNotExist();
        api.getAsClient(reader, "/api/v1/content?topic=repair&kind=SCRIPT&size=2&page=1")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.items.length()")
                .isEqualTo(1);
        api.getAsClient(reader, "/api/v1/content?locale=de")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.total")
                .isEqualTo(0);
    }

    @Test
    void rejects_bad_list_parameters_with_field_errors() {
        api.getAsClient(reader, "/api/v1/content?size=1000")
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("size");
        api.getAsClient(reader, "/api/v1/content?page=abc")
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("page");
        api.getAsClient(reader, "/api/v1/content?kind=NOVEL")
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("kind");
        api.getAsClient(reader, "/api/v1/content?topic=unknown-topic")
                .expectStatus()
                .isBadRequest();
        api.getAsClient(reader, "/api/v1/content?q=" + "a".repeat(300))
                .expectStatus()
                .isBadRequest();
    }

    @Test
    void serves_one_piece_with_its_body_steps_and_breathing_pace() {
        api.getAsClient(reader, "/api/v1/content/paced-breathing")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.kind")
                .isEqualTo("EXERCISE")
                .jsonPath("$.minutes")
                .isEqualTo(2)
                .jsonPath("$.steps.length()")
                .isEqualTo(5)
                .jsonPath("$.steps[1].seconds")
                .isEqualTo(4)
                .jsonPath("$.breathing.exhaleSeconds")
                .isEqualTo(6)
                .jsonPath("$.body")
                .value(body -> assertThat((String) body).contains("## "))
                .jsonPath("$.tokens")
                .doesNotExist();
        api.getAsClient(reader, "/api/v1/content/no-such-piece")
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void the_crisis_piece_is_rendered_from_the_crisis_line_configuration() {
        api.getAsClient(reader, "/api/v1/content/crisis-resources")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.body")
                .value(body -> assertThat((String) body)
                        .doesNotContain("{{")
                        .contains("**In the United States**")
                        .contains("[988](tel:988)")
                        .contains("[116 123](tel:116123)")
                        .contains("[0808 2000 247](tel:08082000247)")
                        .contains("[1-800-799-7233](tel:18007997233)")
                        .contains("**Anywhere else**")
                        .contains("not an emergency service"));
    }

    @Test
    void each_role_reaches_only_its_own_endpoints_and_is_told_so_as_403_problem_json() {
        var therapist = UUID.randomUUID();
        for (String path : new String[] {"/api/v1/assignments", "/api/v1/recommendations", "/api/v1/access-log"}) {
            // Refused by the kit's security chain itself (its wording), before any controller runs.
            api.getAsTherapist(therapist, path)
                    .expectStatus()
                    .isForbidden()
                    .expectHeader()
                    .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.detail")
                    .isEqualTo("This is not available to your account.");
        }
        api.getAsClient(reader, "/api/v1/clients/" + reader + "/assignments")
                .expectStatus()
                .isForbidden()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        api.getAsClient(reader, "/api/v1/somewhere-else").expectStatus().isForbidden();
        api.get(TestTokens.get().token(reader, "ADMIN", Duration.ofMinutes(5)), "/api/v1/content")
                .expectStatus()
                .isUnauthorized();
        api.get(null, "/v3/api-docs").expectStatus().isOk();
    }

    @Test
    void answers_401_problem_json_without_a_valid_token() {
        for (String token : new String[] {
            null,
            "not-a-jwt",
            TestTokens.get().expired(reader, "CLIENT"),
            TestTokens.get().signedByStranger(reader, "CLIENT")
        }) {
            api.get(token, "/api/v1/content")
                    .expectStatus()
                    .isUnauthorized()
                    .expectHeader()
                    .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.status")
                    .isEqualTo(401);
        }
        new Api(managementPort).get(null, "/actuator/health").expectStatus().isOk();
    }
}
