package org.attune.webui.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.attune.testsupport.MutableClock;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
    private final LoginThrottle throttle = new LoginThrottle(clock, 3, 5, Duration.ofMinutes(15));

    @Test
    void anAccountIsBlockedAfterTooManyFailuresInTheWindow() {
        for (int i = 0; i < 3; i++) {
            assertThat(throttle.blocked("Ann@Example.org", "10.0.0." + i)).isFalse();
            throttle.failed("ann@example.org", "10.0.0." + i);
        }

        assertThat(throttle.blocked("ANN@example.org", "10.0.0.99")).isTrue();
        assertThat(throttle.blocked("someone-else@example.org", "10.0.0.99")).isFalse();
    }

    @Test
    void anAddressIsBlockedAfterTooManyFailuresAcrossAccounts() {
        for (int i = 0; i < 5; i++) {
            throttle.failed("person" + i + "@example.org", "10.0.0.1");
        }

        assertThat(throttle.blocked("new@example.org", "10.0.0.1")).isTrue();
        assertThat(throttle.blocked("new@example.org", "10.0.0.2")).isFalse();
    }

    @Test
    void theWindowSlidesSoOldFailuresStopCounting() {
        for (int i = 0; i < 3; i++) {
            throttle.failed("ann@example.org", "10.0.0.1");
            clock.advance(Duration.ofMinutes(1));
        }
        assertThat(throttle.blocked("ann@example.org", "10.0.0.1")).isTrue();

        clock.advance(Duration.ofMinutes(13));

        assertThat(throttle.blocked("ann@example.org", "10.0.0.1")).isFalse();
    }

    @Test
    void aSuccessfulSignInClearsTheAccountsFailures() {
        throttle.failed("ann@example.org", "10.0.0.1");
        throttle.failed("ann@example.org", "10.0.0.1");
        throttle.succeeded("ann@example.org");
        throttle.failed("ann@example.org", "10.0.0.1");

        assertThat(throttle.blocked("ann@example.org", "10.0.0.1")).isFalse();
    }
}
