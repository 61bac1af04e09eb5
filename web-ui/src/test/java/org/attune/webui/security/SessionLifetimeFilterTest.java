package org.attune.webui.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.attune.testsupport.MutableClock;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;

class SessionLifetimeFilterTest {

    private final MutableClock clock = new MutableClock(Instant.now());
    private final SessionLifetimeFilter filter = new SessionLifetimeFilter(clock, Duration.ofHours(12));

    @Test
    void aSessionYoungerThanTheAbsoluteLifetimeIsKept() throws Exception {
        var session = new MockHttpSession();
        var request = new MockHttpServletRequest();
        request.setSession(session);
        clock.set(Instant.ofEpochMilli(session.getCreationTime()).plus(Duration.ofHours(11)));

        filter.doFilter(request, new MockHttpServletResponse(), new MockFilterChain());

        assertThat(session.isInvalid()).isFalse();
    }

    @Test
    void aSessionOlderThanTheAbsoluteLifetimeEndsHoweverActiveItWas() throws Exception {
        var session = new MockHttpSession();
        var request = new MockHttpServletRequest();
        request.setSession(session);
        clock.set(Instant.ofEpochMilli(session.getCreationTime()).plus(Duration.ofHours(13)));

        filter.doFilter(request, new MockHttpServletResponse(), new MockFilterChain());

        assertThat(session.isInvalid()).isTrue();
    }
}
