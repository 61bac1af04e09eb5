package org.attune.webui.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.attune.testsupport.AttuneIntegrationTest;
import org.attune.testsupport.MutableClock;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

/** The MongoDB counters behind every limit: atomic under a burst, windows that end, keys that stay small. */
// The scheduled clean-up kept out of the way (its first run is at start-up), so the test's own call is the one that
// removes the expired counters: it once ran between the clock's advance and that call and took 448 of the 520.
@AttuneIntegrationTest(properties = {"attune.data-dir=target/it-data", "attune.throttle.cleanup-interval=1h"})
class ThrottleIT {

    private static final ThrottleProperties.Rule FIVE_PER_15_MINUTES =
            new ThrottleProperties.Rule(5, Duration.ofMinutes(15));

    @Autowired
    MongoTemplate mongo;

    final MutableClock clock = new MutableClock(Instant.parse("2026-05-01T09:00:00Z"));
    Throttle throttle;

    @BeforeEach
    void freshThrottle() {
        mongo.dropCollection("throttle_counters");
        var rules = new ThrottleProperties(
                FIVE_PER_15_MINUTES,
                FIVE_PER_15_MINUTES,
                FIVE_PER_15_MINUTES,
                FIVE_PER_15_MINUTES,
                FIVE_PER_15_MINUTES);
        throttle = new Throttle(mongo, clock, rules, new SimpleMeterRegistry());
    }

    @Test
    void ofTwoHundredSimultaneousAttemptsExactlyTheLimitGoAhead() throws Exception {
        var tasks = new ArrayList<Callable<Boolean>>();
        for (int i = 0; i < 200; i++) {
            tasks.add(() -> throttle.tryAcquire(Throttle.Limit.SIGN_IN_PER_ACCOUNT, "ann@example.org")
                    .allowed());
        }
        long allowed;
        try (var pool = Executors.newFixedThreadPool(32)) {
            allowed = pool.invokeAll(tasks).stream().filter(ThrottleIT::isTrue).count();
        }

        assertThat(allowed).isEqualTo(5);
    }

    @Test
    void theWindowEndsAndTheCountStartsAgain() {
        for (int i = 0; i < 5; i++) {
            assertThat(throttle.tryAcquire(Throttle.Limit.MAIL_PER_ADDRESS, "Bo@Example.org")
                            .allowed())
                    .isTrue();
        }
        var refused = throttle.tryAcquire(Throttle.Limit.MAIL_PER_ADDRESS, "bo@example.org ");
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.firstRefusal()).isTrue();
        assertThat(refused.retryAfterSeconds(clock)).isBetween(899L, 901L);
        assertThat(throttle.tryAcquire(Throttle.Limit.MAIL_PER_ADDRESS, "bo@example.org")
                        .firstRefusal())
                .isFalse();

        clock.advance(Duration.ofMinutes(15));

        assertThat(throttle.tryAcquire(Throttle.Limit.MAIL_PER_ADDRESS, "bo@example.org")
                        .allowed())
                .isTrue();
    }

    @Test
    void limitsAndSubjectsDoNotShareCounters() {
        for (int i = 0; i < 5; i++) {
            throttle.tryAcquire(Throttle.Limit.SIGN_IN_PER_ACCOUNT, "cy@example.org");
        }

        assertThat(throttle.tryAcquire(Throttle.Limit.SIGN_IN_PER_ACCOUNT, "cy@example.org")
                        .allowed())
                .isFalse();
        assertThat(throttle.tryAcquire(Throttle.Limit.MAIL_PER_ADDRESS, "cy@example.org")
                        .allowed())
                .isTrue();
        assertThat(throttle.tryAcquire(Throttle.Limit.SIGN_IN_PER_ACCOUNT, "di@example.org")
                        .allowed())
                .isTrue();
    }

    @Test
    void aSuccessClearsTheAccountAndGivesTheAddressItsAttemptBack() {
        for (int i = 0; i < 5; i++) {
            throttle.tryAcquire(Throttle.Limit.SIGN_IN_PER_ACCOUNT, "ed@example.org");
            throttle.tryAcquire(Throttle.Limit.SIGN_IN_PER_IP, "10.1.1.1");
        }

        throttle.clear(Throttle.Limit.SIGN_IN_PER_ACCOUNT, "ed@example.org");
        throttle.release(Throttle.Limit.SIGN_IN_PER_IP, "10.1.1.1");

        assertThat(throttle.tryAcquire(Throttle.Limit.SIGN_IN_PER_ACCOUNT, "ed@example.org")
                        .allowed())
                .isTrue();
        assertThat(throttle.tryAcquire(Throttle.Limit.SIGN_IN_PER_IP, "10.1.1.1")
                        .allowed())
                .isTrue();
        assertThat(throttle.tryAcquire(Throttle.Limit.SIGN_IN_PER_IP, "10.1.1.1")
                        .allowed())
                .isFalse();
    }

    @Test
    void anIpv6SubscriberCountsAsOneWholeSlash64() {
        for (int i = 0; i < 5; i++) {
            throttle.tryAcquire(Throttle.Limit.SIGN_IN_PER_IP, "2001:db8:1:2::" + Integer.toHexString(i + 1));
        }

        assertThat(throttle.tryAcquire(Throttle.Limit.SIGN_IN_PER_IP, "2001:db8:1:2:ffff::9")
                        .allowed())
                .isFalse();
        assertThat(throttle.tryAcquire(Throttle.Limit.SIGN_IN_PER_IP, "2001:db8:1:3::1")
                        .allowed())
                .isTrue();
    }

    @Test
    void keysAreDigestsOfBoundedLengthThatNameNoOne() {
        throttle.tryAcquire(Throttle.Limit.SIGN_IN_PER_ACCOUNT, "x".repeat(100_000) + "@example.org");
        throttle.tryAcquire(Throttle.Limit.SIGN_IN_PER_ACCOUNT, "fay@example.org");
        throttle.tryAcquire(Throttle.Limit.SIGN_IN_PER_IP, "192.0.2.7");

        var stored = mongo.findAll(Document.class, "throttle_counters");
        assertThat(stored).hasSize(3);
        assertThat(stored)
                .allSatisfy(counter -> assertThat(counter.getString("_id")).hasSize(67));
        assertThat(stored.toString()).doesNotContain("fay").doesNotContain("192.0.2.7");
    }

    @Test
    void expiredCountersAreRemovedInBatches() {
        for (int i = 0; i < Throttle.CLEANUP_BATCH + 20; i++) {
            throttle.tryAcquire(Throttle.Limit.SIGN_IN_PER_ACCOUNT, "made-up-" + i + "@example.org");
        }
        clock.advance(Duration.ofMinutes(10));
        throttle.tryAcquire(Throttle.Limit.SIGN_IN_PER_ACCOUNT, "recent@example.org");
        clock.advance(Duration.ofMinutes(6));

        assertThat(throttle.removeExpired()).isEqualTo(Throttle.CLEANUP_BATCH + 20);
        assertThat(mongo.count(new org.springframework.data.mongodb.core.query.Query(), "throttle_counters"))
                .isEqualTo(1);
    }

    private static boolean isTrue(Future<Boolean> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
