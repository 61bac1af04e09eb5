package org.attune.webui.library;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;
import org.attune.events.Role;
import org.attune.webui.security.Caller;
import org.attune.webui.token.FakeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The library gateway speaks the content-service's paths and bodies, and reads its answers and refusals. */
class HttpLibraryGatewayTest {

    @TempDir
    Path dir;

    FakeService service;
    HttpLibraryGateway gateway;
    final Caller client = new Caller(UUID.randomUUID(), Role.CLIENT);
    final Caller therapist = new Caller(UUID.randomUUID(), Role.THERAPIST);

    @BeforeEach
    void start() throws Exception {
        service = new FakeService();
        gateway = new HttpLibraryGateway(service.tokens(dir));
    }

    @AfterEach
    void stop() {
        service.close();
    }

    @Test
    void browsingSendsSearchWordsAndKindAndReadsThePage() {
        service.answer(200, """
                {"items":[{"slug":"box-breathing","title":"Box breathing","kind":"EXERCISE","topics":["grounding"],
                "minutes":3,"locale":"en","summary":"Four slow counts."}],"page":0,"size":100,"total":1}""");

        var reply = gateway.browse(client, "slow breath & calm", Content.Kind.EXERCISE, 0);

        assertThat(service.last().pathAndQuery())
                .isEqualTo("/api/v1/content?size=100&page=0&q=slow+breath+%26+calm&kind=EXERCISE");
        assertThat(reply.isOk()).isTrue();
        assertThat(reply.value().total()).isEqualTo(1);
        assertThat(reply.value().items().getFirst())
                .isEqualTo(new Content.Summary(
                        "box-breathing",
                        "Box breathing",
                        Content.Kind.EXERCISE,
                        java.util.List.of("grounding"),
                        3,
                        "Four slow counts."));
    }

    @Test
    void aPieceIsReadWithItsStepsPacingAndMarkdownBody() {
        service.answer(200, """
                {"slug":"box-breathing","title":"Box breathing","kind":"EXERCISE","topics":[],"minutes":3,"locale":"en",
                "reviewedBy":"pending clinical review","summary":"S","steps":[{"title":"Settle","text":"Sit.","seconds":20},
                {"title":null,"text":"Breathe.","seconds":null}],"breathing":{"inhaleSeconds":4,"holdSeconds":4,
                "exhaleSeconds":4,"cycles":5},"body":"## Why\\n\\nText.","version":2}""");

        var piece = gateway.piece(client, "box-breathing").value();

        assertThat(service.last().pathAndQuery()).isEqualTo("/api/v1/content/box-breathing");
        assertThat(piece.steps())
                .containsExactly(new Content.Step("Settle", "Sit.", 20), new Content.Step(null, "Breathe.", null));
        assertThat(piece.breathing()).isEqualTo(new Content.Breathing(4, 4, 4, 5));
        assertThat(piece.markdownBody()).isEqualTo("## Why\n\nText.");
    }

    @Test
    void aSlugThatIsNotOneIsNeverSentToTheService() {
        var reply = gateway.piece(client, "../../api/v1/export");

        assertThat(reply.status()).isEqualTo(Reply.Status.NOT_FOUND);
        assertThat(service.received()).isEmpty();
    }

    @Test
    void triedThisPostsACompletedEngagement() {
        service.answer(
                201,
                "{\"slug\":\"box-breathing\",\"kind\":\"COMPLETED\",\"day\":\"2026-11-27\",\"alreadyRecorded\":false}");

        var reply = gateway.engage(client, "box-breathing", Content.Engagement.COMPLETED);

        assertThat(reply.isOk()).isTrue();
        assertThat(service.last().method()).isEqualTo("POST");
        assertThat(service.last().pathAndQuery()).isEqualTo("/api/v1/content/box-breathing/engagements");
        assertThat(service.last().body()).isEqualTo("{\"kind\":\"COMPLETED\"}");
    }

    @Test
    void recommendationsAreReadAndDismissedByTheirId() {
        service.answer(200, """
                [{"recommendationId":"rec-1","slug":"box-breathing","title":"Box breathing","reason":"r",
                "ruleId":"hyper","pinned":false,"recommendedAt":"2026-11-27T10:00:00Z"}]""");
        assertThat(gateway.recommendations(client).value())
                .containsExactly(new Content.Recommendation("rec-1", "box-breathing", "Box breathing", "r", false));

        service.answer(204, null);
        assertThat(gateway.dismiss(client, "rec-1").isOk()).isTrue();
        assertThat(service.last().pathAndQuery()).isEqualTo("/api/v1/recommendations/rec-1/dismiss");
    }

    @Test
    void assigningPostsSlugAndNoteAndReadsTheAssignment() {
        var clientId = UUID.randomUUID();
        service.answer(201, """
                {"assignmentId":"a-1","clientId":"%s","therapistId":"t","slug":"box-breathing","title":"Box breathing",
                "note":"Evenings","dueDate":null,"assignedAt":"2026-11-27T10:00:00Z","completed":false,"completedAt":null}""".formatted(clientId));

        var reply = gateway.assign(therapist, clientId, "box-breathing", "  Evenings ");

        assertThat(service.last().pathAndQuery()).isEqualTo("/api/v1/clients/" + clientId + "/assignments");
        assertThat(service.last().body()).isEqualTo("{\"slug\":\"box-breathing\",\"note\":\"Evenings\"}");
        assertThat(reply.value())
                .isEqualTo(new Content.Assignment(
                        "a-1",
                        "box-breathing",
                        "Box breathing",
                        "Evenings",
                        null,
                        Instant.parse("2026-11-27T10:00:00Z"),
                        false,
                        null));
    }

    @Test
    void aRefusalIsNotSharedAndSilenceIsUnavailable() {
        service.answer(403, "{\"status\":403,\"detail\":\"There is no active sharing that covers this.\"}");
        assertThat(gateway.assignmentsOf(therapist, UUID.randomUUID()).status()).isEqualTo(Reply.Status.NOT_SHARED);

        service.answer(
                400,
                "{\"status\":400,\"errors\":[{\"field\":\"note\",\"message\":\"size must be between 0 and 1000\"}]}");
        var invalid = gateway.assign(therapist, UUID.randomUUID(), "box-breathing", "x");
        assertThat(invalid.fieldErrors()).containsEntry("note", "size must be between 0 and 1000");

        service.answer(503, null);
        assertThat(gateway.myAssignments(client).status()).isEqualTo(Reply.Status.UNAVAILABLE);
        assertThat(new HttpLibraryGateway(FakeService.unreachable(dir))
                        .myAssignments(client)
                        .status())
                .isEqualTo(Reply.Status.UNAVAILABLE);
    }
}
