package org.attune.webui.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.attune.webui.account.AccountPrincipal;
import org.springframework.http.MediaType;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a browser session whose account is gone or whose password changed after it signed in (it continues as not
 * signed in: the login view or a 401), and keeps an account with an unverified email out of the JSON API. Sits right
 * after Spring Security loads the session's sign-in, in both filter chains; one indexed read per signed-in request.
 */
public class SessionEpochFilter extends OncePerRequestFilter {

    /** What an unverified account may call: the CSRF token its browser needs. */
    private static final Set<String> OPEN_TO_UNVERIFIED = Set.of("/api/csrf");

    private final AccountSessions sessions;

    public SessionEpochFilter(AccountSessions sessions) {
        this.sessions = sessions;
    }

    /** Vaadin's content-hashed static files say nothing about anyone. */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + "/VAADIN/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var session = request.getSession(false);
        var authentication =
                session == null ? null : SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof AccountPrincipal principal) {
            // From the principal, not Caller.of: a sign-in still waiting for its second factor is nobody yet, but its
            // session ends with the password like any other.
            var caller = new Caller(principal.id(), principal.role(), principal.sessionEpoch());
            switch (sessions.status(caller)) {
                case ENDED -> {
                    try {
                        session.invalidate();
                    } catch (IllegalStateException alreadyInvalid) {
                        // ended by another request in the meantime
                    }
                    SecurityContextHolder.clearContext();
                }
                case UNVERIFIED -> {
                    var path = request.getRequestURI()
                            .substring(request.getContextPath().length());
                    if (path.startsWith("/api/") && !OPEN_TO_UNVERIFIED.contains(path)) {
                        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
                        response.setCharacterEncoding("UTF-8");
                        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                        response.getWriter()
                                .write("{\"type\":\"about:blank\",\"title\":\"Forbidden\",\"status\":403,"
                                        + "\"detail\":\"Please confirm your email address first; the link is in the"
                                        + " mail we sent you.\"}");
                        return;
                    }
                }
                case CURRENT -> {
                    // carry on
                }
            }
        }
        chain.doFilter(request, response);
    }
}
