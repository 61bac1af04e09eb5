package org.attune.webui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.UUID;
import org.attune.events.Role;
import org.attune.webui.security.Caller;
import org.attune.webui.token.FakeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/** The alert-settings gateway reads and puts notification-service's alert settings and reads its field problems. */
class HttpAlertSettingsGatewayTest {

    @TempDir
    Path dir;

    FakeService service;
    HttpAlertSettingsGateway gateway;
    final Caller therapist = new Caller(UUID.randomUUID(), Role.THERAPIST);
    final JsonMapper json = JsonMapper.builder().build();

    @BeforeEach
    void start() throws Exception {
        service = new FakeService();
        gateway = new HttpAlertSettingsGateway(service.tokens(dir));
    }

    @AfterEach
    void stop() {
        service.close();
    }

    @Test
    void theSettingsAreReadAsTheServiceSendsThem() {
        service.answer(200, """
                {"acknowledgementWindowMinutes":90,"escalationEmail":"oncall@practice.example"}""");

        assertThat(gateway.alertSettings(therapist))
                .contains(new AlertSettingsGateway.AlertSettings(90, "oncall@practice.example"));
        assertThat(service.last().pathAndQuery()).isEqualTo("/api/v1/alert-settings");

        service.answer(200, """
                {"acknowledgementWindowMinutes":240,"escalationEmail":null}""");
        assertThat(gateway.alertSettings(therapist)).contains(new AlertSettingsGateway.AlertSettings(240, null));
    }

    @Test
    void noAnswerIsNoSettingsRatherThanDefaults() {
        service.answer(503, "{}");
        assertThat(gateway.alertSettings(therapist)).isEmpty();
    }

    @Test
    void savingPutsBothFieldsAndFieldProblemsComeBackByName() throws Exception {
        service.answer(200, "{}");
        var saved = gateway.saveAlertSettings(therapist, new AlertSettingsGateway.AlertSettings(30, null));

        assertThat(saved.status()).isEqualTo(SettingsGateway.Saved.Status.SAVED);
        assertThat(service.last().method()).isEqualTo("PUT");
        var body = json.readTree(service.last().body());
        assertThat(body.propertyNames()).containsExactlyInAnyOrder("acknowledgementWindowMinutes", "escalationEmail");
        assertThat(body.path("acknowledgementWindowMinutes").asInt()).isEqualTo(30);
        assertThat(body.path("escalationEmail").isNull()).isTrue();

        service.answer(400, """
                {"status":400,"errors":[{"field":"escalationEmail","message":"must be an email address"}]}""");
        var invalid = gateway.saveAlertSettings(therapist, new AlertSettingsGateway.AlertSettings(30, "x"));
        assertThat(invalid.status()).isEqualTo(SettingsGateway.Saved.Status.INVALID);
        assertThat(invalid.fieldErrors()).containsKey("escalationEmail");

        service.answer(403, "{}");
        assertThat(gateway.saveAlertSettings(therapist, new AlertSettingsGateway.AlertSettings(30, null))
                        .status())
                .isEqualTo(SettingsGateway.Saved.Status.REFUSED);
    }
}
