package org.attune.webui.signin;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.attune.webui.account.AccountPrincipal;
import org.attune.webui.account.AccountSuspensions;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends the session of an account an operator suspended, at its next request (one look-up by id): the request goes
 * on as anonymous, so the person lands on the sign-in page, which then refuses them.
 */
final class EndSuspendedSessions extends OncePerRequestFilter {

    private final AccountSuspensions suspensions;
    private final SecurityContextHolderStrategy contexts;

    EndSuspendedSessions(AccountSuspensions suspensions, SecurityContextHolderStrategy contexts) {
        this.suspensions = suspensions;
        this.contexts = contexts;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var authentication = contexts.getContext().getAuthentication();
        if (authentication != null
                && authentication.getPrincipal() instanceof AccountPrincipal account
                && suspensions.isSuspended(account.id())) {
            contexts.clearContext();
            var session = request.getSession(false);
            if (session != null) {
                try {
                    session.invalidate();
                } catch (IllegalStateException alreadyInvalid) {
                    // ended meanwhile
                }
            }
        }
        chain.doFilter(request, response);
    }
}
