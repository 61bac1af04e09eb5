package org.attune.notification.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.attune.notification.store.Notification;
import org.attune.notification.store.NotificationStore;
import org.attune.testsupport.AttuneIntegrationTest;
import org.attune.testsupport.MutableClock;
import org.attune.testsupport.TestInfrastructure;
import org.attune.testsupport.TestTokens;
import org.awaitility.Awaitility;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * One shared application context for the notification integration tests: the real broker and store, GreenMail as the
 * SMTP server, a fast scheduler loop and a clock the tests move.
 */
@AttuneIntegrationTest(
        properties = {
            "spring.kafka.consumer.group-id=notification-it-shared",
            // the kit's consent listener joins the group <application name>.consent: one per test context
            "spring.application.name=notification-it-shared",
            // the test clock stays in 2026 while the events tests publish carry the real time
            "attune.consent.max-future-skew=3650d",
            "attune.notifications.scheduler.poll-interval=50ms",
            "attune.notifications.email.initial-backoff=1s",
            "attune.notifications.email.max-attempts=3",
            "attune.public-url=https://attune.example"
        })
@Import(IntegrationTestBase.Clocks.class)
public abstract class IntegrationTestBase {

    public static final Instant START = Instant.parse("2026-03-27T12:00:00Z");

    @TestConfiguration(proxyBeanMethods = false)
    public static class Clocks {
        @Bean
        @Primary
        MutableClock testClock() {
            return new MutableClock(START);
        }
    }

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", TestMail::port);
    }

    @LocalServerPort
    protected int port;

    @LocalManagementPort
    protected int managementPort;

    @Autowired
    protected MutableClock clock;

    @Autowired
    protected NotificationStore store;

    @Autowired
    protected ReactiveMongoTemplate mongo;

    @Autowired
    Clock injected;

    protected final String bootstrap = TestInfrastructure.get().bootstrapServers();
    protected final TestTokens tokens = TestTokens.get();

    /** The actuator endpoints, on their own port. */
    protected WebTestClient management() {
        return WebTestClient.bindToServer()
                .baseUrl("http://127.0.0.1:" + managementPort)
                .responseTimeout(Duration.ofSeconds(20))
                .build();
    }

    protected WebTestClient web() {
        return WebTestClient.bindToServer()
                .baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(20))
                .build();
    }

    protected WebTestClient asClient(UUID id) {
        return web().mutate()
                .defaultHeader("Authorization", "Bearer " + tokens.client(id))
                .build();
    }

    protected WebTestClient asTherapist(UUID id) {
        return web().mutate()
                .defaultHeader("Authorization", "Bearer " + tokens.therapist(id))
                .build();
    }

    protected Notification notification(String id) {
        return store.find(id).block(Duration.ofSeconds(5));
    }

    /** Waits (up to 20 s) until the condition holds; fails with the description otherwise. */
    protected static void await(String what, BooleanSupplier condition) {
        Awaitility.await()
                .alias(what)
                .atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(50))
                .until(condition::getAsBoolean);
    }

    protected static <T> T awaitValue(String what, Supplier<T> supplier) {
        var holder = new Object() {
            T value;
        };
        await(what, () -> (holder.value = supplier.get()) != null);
        return holder.value;
    }

    /** Gives the scheduler several passes, for asserting that something does NOT happen. */
    protected static void settle() {
        Awaitility.await().pollDelay(Duration.ofMillis(600)).until(() -> true);
    }

    protected void theClockUsedIsTheTestClock() {
        assertThat(injected).isSameAs(clock);
    }
}
