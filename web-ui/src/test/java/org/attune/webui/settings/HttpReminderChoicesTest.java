package org.attune.webui.settings;

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

/** The one-tap reminder choices reach notification-service's preference endpoints as it expects them. */
class HttpReminderChoicesTest {

    @TempDir
    Path dir;

    FakeService service;
    HttpReminderChoices choices;
    final Caller me = new Caller(UUID.randomUUID(), Role.CLIENT);
    final JsonMapper json = JsonMapper.builder().build();

    @BeforeEach
    void start() throws Exception {
        service = new FakeService();
        choices = new HttpReminderChoices(service.tokens(dir));
    }

    @AfterEach
    void stop() {
        service.close();
    }

    @Test
    void muteSendsTheKindAndPauseAskedForAWeek() throws Exception {
        service.answer(200, "{}");

        assertThat(choices.mute(me, "daily-checkin")).isEqualTo(ReminderChoices.Result.DONE);
        assertThat(service.last().method()).isEqualTo("POST");
        assertThat(service.last().pathAndQuery()).isEqualTo("/api/v1/preferences/muted-kinds");
        assertThat(json.readTree(service.last().body()).path("kind").asString()).isEqualTo("daily-checkin");

        assertThat(choices.pauseForAWeek(me)).isEqualTo(ReminderChoices.Result.DONE);
        assertThat(service.last().pathAndQuery()).isEqualTo("/api/v1/preferences/pause");
        assertThat(json.readTree(service.last().body()).path("days").asInt()).isEqualTo(7);

        assertThat(choices.resume(me)).isEqualTo(ReminderChoices.Result.DONE);
        assertThat(service.last().method()).isEqualTo("DELETE");
    }

    @Test
    void aSafetyMessageIsNeverSentToBeMuted() {
        assertThat(choices.mute(me, "safety-alert")).isEqualTo(ReminderChoices.Result.REFUSED);
        assertThat(choices.mute(me, "crisis-resources")).isEqualTo(ReminderChoices.Result.REFUSED);
        assertThat(service.received()).isEmpty();
    }

    @Test
    void aRefusalIsToldApartFromNoAnswer() {
        service.answer(400, "{\"status\":400}");
        assertThat(choices.pauseForAWeek(me)).isEqualTo(ReminderChoices.Result.REFUSED);
        service.answer(503, "{\"status\":503}");
        assertThat(choices.pauseForAWeek(me)).isEqualTo(ReminderChoices.Result.UNAVAILABLE);
    }

    @Test
    void thePauseIsReadFromThePreferences() {
        service.answer(200, """
                {"timeZone":"UTC","channels":["IN_APP"],"mutedKinds":[],"pausedUntil":"2026-12-08T10:00:00Z"}""");
        assertThat(choices.pausedUntil(me)).contains(Instant.parse("2026-12-08T10:00:00Z"));

        service.answer(200, """
                {"timeZone":"UTC","channels":["IN_APP"],"mutedKinds":[]}""");
        assertThat(choices.pausedUntil(me)).isEmpty();
    }
}
