package org.attune.notification;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.attune.notification.store.EmailState;
import org.attune.notification.store.Notification;
import org.attune.notification.store.NotificationKind;
import org.attune.notification.store.NotificationState;
import org.attune.notification.store.NotificationStore;
import org.attune.testsupport.AttuneIntegrationTest;
import org.attune.testsupport.MutableClock;
import org.attune.testsupport.TestTokens;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.web.reactive.server.WebTestClient;

/** A mail server that never answers: every send fails, is retried with growing pauses, and ends as ERRORED. */
@AttuneIntegrationTest(
        properties = {
            "spring.kafka.consumer.group-id=notification-it-email-retry",
            "spring.application.name=notification-it-email-retry",
            "attune.notifications.scheduler.poll-interval=50ms",
            "attune.notifications.email.initial-backoff=10s",
            "attune.notifications.email.max-backoff=1m",
            "attune.notifications.email.max-attempts=3",
            "spring.mail.host=127.0.0.1",
            "spring.mail.port=9", // discard port: nothing listens, the connection is refused
            "spring.mail.properties.mail.smtp.connectiontimeout=1000"
        })
@Import(EmailRetryIT.Clocks.class)
class EmailRetryIT {

    @TestConfiguration(proxyBeanMethods = false)
    static class Clocks {
        @Bean
        @Primary
        MutableClock testClock() {
            return new MutableClock(Instant.parse("2026-07-01T12:00:00Z"));
        }
    }

    @Autowired
    MutableClock clock;

    @Autowired
    NotificationStore store;

    @Autowired
    MeterRegistry meters;

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    Notification notification(String id) {
        return store.find(id).block(Duration.ofSeconds(5));
    }

    static void await(String what, java.util.function.BooleanSupplier condition) {
        Awaitility.await()
                .alias(what)
                .atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(50))
                .until(condition::getAsBoolean);
    }

    double errors() {
        var counter = meters.find("attune.notifications.email.errors").counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void a_failing_email_is_retried_with_backoff_and_ends_errored_while_the_inbox_copy_stays() {
        var client = UUID.randomUUID();
        WebTestClient.bindToServer()
                .baseUrl("http://127.0.0.1:" + port)
                .defaultHeader("Authorization", "Bearer " + TestTokens.get().client(client))
                .build()
                .put()
                .uri("/api/v1/preferences")
                .bodyValue(Map.of(
                        "timeZone", "UTC",
                        "quietHoursStart", "00:00",
                        "quietHoursEnd", "00:00",
                        "channels", List.of("IN_APP", "EMAIL"),
                        "email", "someone@example.org"))
                .exchange()
                .expectStatus()
                .isOk();
        double errorsBefore = errors();
        var id = UUID.randomUUID().toString();
        store.schedule(Notification.due(
                        id,
                        client.toString(),
                        client.toString(),
                        NotificationKind.CONTENT_ASSIGNED,
                        List.of("Grounding"),
                        null,
                        clock.instant(),
                        clock.instant()))
                .block();

        await("first attempt failed", () -> notification(id).emailAttempts() == 1);
        var afterFirst = notification(id);
        assertThat(afterFirst.state()).isEqualTo(NotificationState.DELIVERED);
        assertThat(afterFirst.emailState()).isEqualTo(EmailState.PENDING);
        assertThat(afterFirst.emailNextAttemptAt()).isEqualTo(clock.instant().plusSeconds(10));

        Awaitility.await("waits for its backoff")
                .during(Duration.ofMillis(500))
                .atMost(Duration.ofSeconds(5))
                .until(() -> notification(id).emailAttempts() == 1);

        clock.advance(Duration.ofSeconds(11));
        await("second attempt failed", () -> notification(id).emailAttempts() == 2);
        assertThat(notification(id).emailNextAttemptAt())
                .isEqualTo(clock.instant().plusSeconds(20));

        clock.advance(Duration.ofSeconds(21));
        await("errored after the last try", () -> notification(id).emailState() == EmailState.ERRORED);
        var errored = notification(id);
        assertThat(errored.emailAttempts()).isEqualTo(3);
        assertThat(errored.emailErroredAt()).isEqualTo(clock.instant());
        assertThat(errored.state()).as("the inbox copy is unaffected").isEqualTo(NotificationState.DELIVERED);
        assertThat(errors()).isEqualTo(errorsBefore + 1);

        // Every Kafka consumer's metrics are on the page (one consumer per partition and listener): beyond 256 KB.
        var prometheus = WebTestClient.bindToServer()
                .baseUrl("http://127.0.0.1:" + managementPort)
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(16 * 1024 * 1024))
                .build()
                .get()
                .uri("/actuator/prometheus")
                .exchange()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(prometheus).contains("attune_notifications_email_errors_total");
    }
}
