package org.attune.webui.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a session that has lived longer than the absolute lifetime, however active it was; the idle timeout is the
 * servlet container's ({@code server.servlet.session.timeout}).
 */
public class SessionLifetimeFilter extends OncePerRequestFilter {

    private final Clock clock;
    private final Duration absoluteLifetime;

    public SessionLifetimeFilter(Clock clock, Duration absoluteLifetime) {
        this.clock = clock;
        this.absoluteLifetime = absoluteLifetime;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var session = request.getSession(false);
        if (session != null) {
            try {
                var created = Instant.ofEpochMilli(session.getCreationTime());
                if (created.plus(absoluteLifetime).isBefore(clock.instant())) {
                    session.invalidate();
                }
            } catch (IllegalStateException alreadyInvalid) {
                // nothing to end
            }
        }
        chain.doFilter(request, response);
    }
}
