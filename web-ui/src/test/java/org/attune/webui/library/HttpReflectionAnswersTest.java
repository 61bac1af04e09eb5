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
import tools.jackson.databind.json.JsonMapper;

/** Reflection answers reach content-service as it expects them, and its answers come back as replies. */
class HttpReflectionAnswersTest {

    @TempDir
    Path dir;

    FakeService service;
    HttpReflectionAnswers answers;
    final Caller me = new Caller(UUID.randomUUID(), Role.CLIENT);
    final JsonMapper json = JsonMapper.builder().build();

    @BeforeEach
    void start() throws Exception {
        service = new FakeService();
        answers = new HttpReflectionAnswers(service.tokens(dir));
    }

    @AfterEach
    void stop() {
        service.close();
    }

    @Test
    void anAnswerIsPutWithItsSharingChoiceAndReadBack() throws Exception {
        service.answer(200, """
                {"slug":"numbing-reflection","text":"Words.","shared":true,"updatedAt":"2026-11-27T10:00:00Z"}""");

        var saved = answers.save(me, "numbing-reflection", "Words.", true);

        assertThat(service.last().method()).isEqualTo("PUT");
        assertThat(service.last().pathAndQuery()).isEqualTo("/api/v1/content/numbing-reflection/answer");
        var body = json.readTree(service.last().body());
        assertThat(body.path("text").asString()).isEqualTo("Words.");
        assertThat(body.path("shared").asBoolean()).isTrue();
        assertThat(saved.value())
                .isEqualTo(new ReflectionAnswers.Answer("Words.", true, Instant.parse("2026-11-27T10:00:00Z")));
    }

    @Test
    void noAnswerYetIsNotFoundAndAMalformedSlugNeverLeaves() {
        service.answer(404, "{\"status\":404}");
        assertThat(answers.answer(me, "numbing-reflection").status()).isEqualTo(Reply.Status.NOT_FOUND);

        int before = service.received().size();
        assertThat(answers.answer(me, "../export").status()).isEqualTo(Reply.Status.NOT_FOUND);
        assertThat(service.received()).hasSize(before);
    }

    @Test
    void removingIsADelete() {
        service.answer(204, null);
        assertThat(answers.remove(me, "numbing-reflection").isOk()).isTrue();
        assertThat(service.last().method()).isEqualTo("DELETE");
    }

    @Test
    void aTherapistWithoutNotesIsToldItIsNotShared() {
        service.answer(403, "{\"status\":403}");
        var therapist = new Caller(UUID.randomUUID(), Role.THERAPIST);
        assertThat(answers.sharedBy(therapist, UUID.randomUUID()).status()).isEqualTo(Reply.Status.NOT_SHARED);
    }
}
