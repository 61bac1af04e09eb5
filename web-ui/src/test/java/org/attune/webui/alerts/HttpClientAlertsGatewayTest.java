package org.attune.webui.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The client's own flags are read from checkin-service's answer: recent ones, newest first, with acknowledgements. */
class HttpClientAlertsGatewayTest {

    final JsonMapper json = JsonMapper.builder().build();

    @Test
    void recentFlagsAreReadNewestFirstWithWhetherEachWasAcknowledged() {
        var answer = json.readTree("""
                [{"id":"old","reason":"HELP_NOW","raisedAt":"2026-10-01T10:00:00Z","acknowledgedAt":null},
                 {"id":"a","reason":"SELF_HARM_ITEM","raisedAt":"2026-11-20T10:00:00Z","acknowledgedAt":null},
                 {"id":"b","reason":"HELP_NOW","raisedAt":"2026-11-25T10:00:00Z",
                  "acknowledgedAt":"2026-11-25T11:30:00Z","addedLater":true}]""");

        var alerts = HttpClientAlertsGateway.alerts(answer, Instant.parse("2026-11-01T00:00:00Z"));

        assertThat(alerts).extracting(ClientAlertsGateway.ClientAlert::flagId).containsExactly("b", "a");
        assertThat(alerts.get(0).seen()).isTrue();
        assertThat(alerts.get(0).acknowledgedAt()).isEqualTo(Instant.parse("2026-11-25T11:30:00Z"));
        assertThat(alerts.get(1).seen()).isFalse();
        assertThat(alerts.get(1).reason()).isEqualTo("SELF_HARM_ITEM");
    }
}
