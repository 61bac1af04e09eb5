package org.attune.webui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.attune.events.Channel;
import org.attune.events.Role;
import org.attune.webui.security.Caller;
import org.attune.webui.token.FakeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/** The settings gateway sends the notification-service's preference and schedule bodies and reads field errors. */
class HttpSettingsGatewayTest {

    @TempDir
    Path dir;

    FakeService service;
    HttpSettingsGateway gateway;
    final Caller me = new Caller(UUID.randomUUID(), Role.CLIENT);
    final JsonMapper json = JsonMapper.builder().build();

    @BeforeEach
    void start() throws Exception {
        service = new FakeService();
        gateway = new HttpSettingsGateway(service.tokens(dir));
    }

    @AfterEach
    void stop() {
        service.close();
    }

    @Test
    void preferencesAreReadAsTheServiceSendsThem() {
        service.answer(200, """
                {"timeZone":"Europe/London","dailyReminderTime":"18:00","weeklyQuestionnaireDay":"MONDAY",
                "quietHoursStart":"21:00","quietHoursEnd":"09:00","channels":["IN_APP","EMAIL"],
                "email":"rae@example.org","mutedKinds":["content-recommended"],"language":"de"}""");

        var p = gateway.preferences(me).orElseThrow();

        assertThat(service.last().pathAndQuery()).isEqualTo("/api/v1/preferences");
        assertThat(p)
                .isEqualTo(new SettingsGateway.Preferences(
                        "Europe/London",
                        "18:00",
                        DayOfWeek.MONDAY,
                        "21:00",
                        "09:00",
                        Set.of(Channel.IN_APP, Channel.EMAIL),
                        "rae@example.org",
                        List.of("content-recommended"),
                        "de"));
    }

    @Test
    void savingPutsEveryFieldTheServiceKnowsAndNothingElse() throws Exception {
        service.answer(200, "{}");

        var saved = gateway.savePreferences(
                me,
                new SettingsGateway.Preferences(
                        "Europe/London",
                        null,
                        null,
                        "22:00",
                        "07:30",
                        Set.of(Channel.IN_APP),
                        null,
                        List.of("all"),
                        "pt-BR"));

        assertThat(saved.status()).isEqualTo(SettingsGateway.Saved.Status.SAVED);
        assertThat(service.last().method()).isEqualTo("PUT");
        var body = json.readTree(service.last().body());
        assertThat(body.propertyNames())
                .containsExactlyInAnyOrder(
                        "timeZone",
                        "dailyReminderTime",
                        "weeklyQuestionnaireDay",
                        "quietHoursStart",
                        "quietHoursEnd",
                        "channels",
                        "email",
                        "mutedKinds",
                        "language");
        assertThat(body.path("language").asString()).isEqualTo("pt-BR");
        assertThat(body.path("quietHoursEnd").asString()).isEqualTo("07:30");
        assertThat(body.path("dailyReminderTime").isNull()).isTrue();
        assertThat(body.path("channels").get(0).asString()).isEqualTo("IN_APP");
    }

    @Test
    void fieldErrorsComeBackByFieldName() {
        service.answer(400, """
                {"status":400,"errors":[{"field":"timeZoneValid","message":"must be a valid IANA time zone"},
                {"field":"email","message":"must be a well-formed email address"}]}""");

        var saved = gateway.savePreferences(
                me,
                new SettingsGateway.Preferences(
                        "Mars/Olympus", null, null, null, null, Set.of(Channel.IN_APP), "x", List.of(), "en"));

        assertThat(saved.status()).isEqualTo(SettingsGateway.Saved.Status.INVALID);
        assertThat(saved.fieldErrors())
                .containsEntry("timeZoneValid", "must be a valid IANA time zone")
                .containsEntry("email", "must be a well-formed email address");
    }

    @Test
    void theSessionRhythmIsPutToTheScheduleWithoutAClientIdForAClient() throws Exception {
        service.answer(200, "{}");

        gateway.saveSessionRhythm(
                me, new SettingsGateway.SessionRhythm("Europe/Dublin", DayOfWeek.TUESDAY, "14:00", 50));

        assertThat(service.last().pathAndQuery()).isEqualTo("/api/v1/session-schedule");
        var body = json.readTree(service.last().body());
        assertThat(body.has("clientId")).isFalse();
        assertThat(body.path("weeklyDay").asString()).isEqualTo("TUESDAY");
        assertThat(body.path("weeklyTime").asString()).isEqualTo("14:00");
        assertThat(body.path("durationMinutes").asInt()).isEqualTo(50);
    }

    @Test
    void savingTheRhythmSendsOnlyTheWeeklyFieldsSoTheServiceKeepsTheSingleSessions() throws Exception {
        service.answer(200, "{}");

        gateway.saveSessionRhythm(me, new SettingsGateway.SessionRhythm("Europe/Dublin", null, null, 50));

        var body = json.readTree(service.last().body());
        assertThat(body.has("oneOffStarts")).as("left out, so kept").isFalse();
        assertThat(body.has("weeklyDay")).as("sent as null, so cleared").isTrue();
        assertThat(body.path("weeklyDay").isNull()).isTrue();
        assertThat(body.path("weeklyTime").isNull()).isTrue();
        assertThat(body.path("timeZone").asString()).isEqualTo("Europe/Dublin");
    }

    @Test
    void preferencesSavedBeforeLanguagesExistedReadAsEnglish() {
        service.answer(200, """
                {"timeZone":"UTC","channels":["IN_APP"],"mutedKinds":[]}""");

        assertThat(gateway.preferences(me).orElseThrow().language()).isEqualTo("en");
    }

    @Test
    void theOwnSessionRhythmIsReadWithItsNextSession() {
        service.answer(200, """
                {"scheduleId":"7b0c3f9e-1d2a-4c5b-8e6f-0a1b2c3d4e5f","clientId":"%s","timeZone":"Europe/Dublin",
                "weeklyDay":"TUESDAY","weeklyTime":"14:00","oneOffStarts":[],"durationMinutes":50,"therapistId":null,
                "nextSessionAt":"2026-12-01T14:00:00Z"}""".formatted(me.id()));

        var stored = gateway.sessionRhythm(me);

        assertThat(service.last().method()).isEqualTo("GET");
        assertThat(service.last().pathAndQuery()).isEqualTo("/api/v1/session-schedule");
        assertThat(stored.state()).isEqualTo(SettingsGateway.StoredRhythm.State.SET);
        assertThat(stored.rhythm())
                .isEqualTo(new SettingsGateway.SessionRhythm("Europe/Dublin", DayOfWeek.TUESDAY, "14:00", 50));
        assertThat(stored.nextSessionAt()).isEqualTo(Instant.parse("2026-12-01T14:00:00Z"));
    }

    @Test
    void noRhythmYetIsToldApartFromNoAnswer() {
        service.answer(404, "{\"status\":404}");
        assertThat(gateway.sessionRhythm(me).state()).isEqualTo(SettingsGateway.StoredRhythm.State.NONE);

        service.answer(500, "{\"status\":500}");
        assertThat(gateway.sessionRhythm(me).state()).isEqualTo(SettingsGateway.StoredRhythm.State.UNKNOWN);

        assertThat(new HttpSettingsGateway(FakeService.unreachable(dir))
                        .sessionRhythm(me)
                        .state())
                .isEqualTo(SettingsGateway.StoredRhythm.State.UNKNOWN);
    }

    @Test
    void silenceMeansNothingLoadedAndNothingSaved() {
        var silent = new HttpSettingsGateway(FakeService.unreachable(dir));

        assertThat(silent.preferences(me)).isEmpty();
        assertThat(silent.saveSessionRhythm(me, new SettingsGateway.SessionRhythm("UTC", null, null, 50))
                        .status())
                .isEqualTo(SettingsGateway.Saved.Status.UNAVAILABLE);
    }
}
