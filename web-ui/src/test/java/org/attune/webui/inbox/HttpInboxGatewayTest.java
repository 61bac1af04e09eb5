package org.attune.webui.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;
import org.attune.events.Role;
import org.attune.webui.inbox.InboxGateway.Outcome;
import org.attune.webui.security.Caller;
import org.attune.webui.token.FakeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The inbox gateway speaks the notification-service's inbox paths and reads its answers and refusals. */
class HttpInboxGatewayTest {

    @TempDir
    Path dir;

    FakeService service;
    HttpInboxGateway gateway;
    final Caller me = new Caller(UUID.randomUUID(), Role.THERAPIST);

    @BeforeEach
    void start() throws Exception {
        service = new FakeService();
        gateway = new HttpInboxGateway(service.tokens(dir));
    }

    @AfterEach
    void stop() {
        service.close();
    }

    @Test
    void aPageOfMessagesIsRead() {
        service.answer(200, """
                {"items":[{"id":"n1","kind":"safety-alert","clientId":"0b6f3a52-3c1e-4d6a-9f1e-2a7c5d8e9b10","title":"T","body":"B","state":"DELIVERED","unread":true,
                "urgent":true,"deliveredAt":"2026-11-27T10:00:00Z","openedAt":null}],"page":1,"size":20,"total":21,"unread":1}""");

        var page = gateway.page(me, 1).orElseThrow();

        assertThat(service.last().pathAndQuery()).isEqualTo("/api/v1/inbox?size=20&page=1");
        assertThat(page.items())
                .containsExactly(new InboxGateway.Item(
                        "n1",
                        "safety-alert",
                        "0b6f3a52-3c1e-4d6a-9f1e-2a7c5d8e9b10",
                        "T",
                        "B",
                        true,
                        true,
                        Instant.parse("2026-11-27T10:00:00Z")));
        assertThat(page.total()).isEqualTo(21);
        assertThat(page.unread()).isEqualTo(1);
    }

    @Test
    void readDismissAndSnoozeUseTheirOwnPaths() {
        service.answer(200, "{}");

        assertThat(gateway.markRead(me, "n1")).isEqualTo(Outcome.DONE);
        assertThat(service.last().pathAndQuery()).isEqualTo("/api/v1/inbox/n1/read");
        assertThat(gateway.dismiss(me, "n1")).isEqualTo(Outcome.DONE);
        assertThat(service.last().pathAndQuery()).isEqualTo("/api/v1/inbox/n1/dismiss");
        assertThat(gateway.snooze(me, "n1", 60)).isEqualTo(Outcome.DONE);
        assertThat(service.last().pathAndQuery()).isEqualTo("/api/v1/inbox/n1/snooze");
        assertThat(service.last().body()).isEqualTo("{\"minutes\":60}");
    }

    @Test
    void refusedGoneAndSilentAreToldApart() {
        service.answer(409, "{\"status\":409}");
        assertThat(gateway.snooze(me, "s1", 60)).isEqualTo(Outcome.NOT_ALLOWED);
        service.answer(404, "{\"status\":404}");
        assertThat(gateway.dismiss(me, "s1")).isEqualTo(Outcome.GONE);
        assertThat(new HttpInboxGateway(FakeService.unreachable(dir)).dismiss(me, "s1"))
                .isEqualTo(Outcome.UNAVAILABLE);
        assertThat(new HttpInboxGateway(FakeService.unreachable(dir)).page(me, 0))
                .isEmpty();
    }
}
