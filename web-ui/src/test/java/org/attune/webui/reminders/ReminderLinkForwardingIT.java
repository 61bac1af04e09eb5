package org.attune.webui.reminders;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import org.attune.testsupport.AttuneIntegrationTest;
import org.attune.webui.TestHttp;
import org.attune.webui.token.FakeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A reminder email's link reaches web-ui, the one published address, without a session or CSRF token, and is passed
 * to notification-service unchanged; a malformed token never reaches it.
 */
@AttuneIntegrationTest(properties = {"attune.data-dir=target/it-data"})
class ReminderLinkForwardingIT {

    private static final String TOKEN =
            "djEuYWJjLmRhaWx5LWNoZWNraW4uMTc5OTk5OTk5OQ.c2lnbmF0dXJlLXNpZ25hdHVyZS1zaWduYXR1cmU";
    private static final FakeService NOTIFICATIONS = notifications();

    @DynamicPropertySource
    static void notificationServiceHere(DynamicPropertyRegistry registry) {
        registry.add(
                "attune.services.notification-url", () -> NOTIFICATIONS.uri().toString());
    }

    private static FakeService notifications() {
        try {
            return new FakeService().answer(200, "<p>Mute daily check-in reminders</p>");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @LocalServerPort
    int port;

    TestHttp http;

    @BeforeEach
    void client() {
        http = new TestHttp(port);
        NOTIFICATIONS.answer(200, "<p>Mute daily check-in reminders</p>");
    }

    @Test
    void openingTheLinkShowsTheServicesPageWithoutSigningIn() {
        var response = http.get("/reminder-links/" + TOKEN);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(response.headers().firstValue("Cache-Control"))
                .hasValueSatisfying(value -> assertThat(value).contains("no-store"));
        assertThat(response.headers().firstValue("Referrer-Policy"))
                .as("the token in the address never leaves Attune")
                .hasValue("same-origin");
        assertThat(response.body()).contains("Mute daily check-in reminders");
        assertThat(NOTIFICATIONS.last().method()).isEqualTo("GET");
        assertThat(NOTIFICATIONS.last().pathAndQuery()).isEqualTo("/reminder-links/" + TOKEN);
        assertThat(NOTIFICATIONS.last().authorization())
                .as("no one's token is sent")
                .isNull();
    }

    @Test
    void aChoiceIsPostedFromThePageWithoutASessionOrCsrfToken() {
        NOTIFICATIONS.answer(200, "<p>Done.</p>");

        var response = http.send(http.request("/reminder-links/" + TOKEN)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("action=pause"))
                .build());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("Done.");
        assertThat(NOTIFICATIONS.last().method()).isEqualTo("POST");
        assertThat(NOTIFICATIONS.last().body()).isEqualTo("action=pause");
    }

    @Test
    void theServicesAnswerToAForgedLinkIsPassedOnAndAMalformedOneNeverLeavesWebUi() {
        NOTIFICATIONS.answer(404, "<p>This link no longer works.</p>");
        var forged = http.get("/reminder-links/" + TOKEN);
        assertThat(forged.statusCode()).isEqualTo(404);
        assertThat(forged.body()).contains("no longer works");

        int before = NOTIFICATIONS.received().size();
        var malformed = http.get("/reminder-links/not-a-token");
        assertThat(malformed.statusCode()).isEqualTo(404);
        assertThat(malformed.body()).contains("This link does not work");
        assertThat(NOTIFICATIONS.received()).hasSize(before);
    }

    @Test
    void whenTheServiceDoesNotAnswerThePageSaysNothingChanged() {
        var unreachable = new TestHttp(port);
        NOTIFICATIONS.answer(503, null);

        var response = unreachable.get("/reminder-links/" + TOKEN);

        assertThat(response.statusCode()).isEqualTo(503);
    }
}
