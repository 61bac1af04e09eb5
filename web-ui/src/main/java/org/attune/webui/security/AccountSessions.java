package org.attune.webui.security;

import org.attune.webui.account.AccountPrincipal;
import org.attune.webui.account.Accounts;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Whether a signed-in session (or work done for a person) may still act: the account must exist and, for a browser
 * session, still be in the epoch the session signed in at. The state lives in the account document, so every web-ui
 * instance sees a password change or an erasure on the next request.
 */
@Component
public class AccountSessions {

    public enum Status {
        /** Signed in, email verified, not from an older epoch. */
        CURRENT,
        /** Signed in, but the email is not verified yet: only verifying (or resending the link) is open. */
        UNVERIFIED,
        /** The account is gone, or its password changed after this session signed in. */
        ENDED
    }

    private final Accounts accounts;

    AccountSessions(Accounts accounts) {
        this.accounts = accounts;
    }

    public Status status(Caller caller) {
        var state = accounts.sessionState(caller.id()).orElse(null);
        // Only an older epoch ends a session: the session that changes the password moves ahead first.
        if (state == null || (caller.sessionEpoch() != null && caller.sessionEpoch() < state.sessionEpoch())) {
            return Status.ENDED;
        }
        return state.emailVerified() ? Status.CURRENT : Status.UNVERIFIED;
    }

    /**
     * After this session changed the password (raising the epoch to {@code epoch}), keeps it signed in: its principal
     * moves to the new epoch, so only the account's other sessions end.
     */
    public static void keepCurrentSession(long epoch) {
        var context = SecurityContextHolder.getContext();
        if (!(context.getAuthentication() instanceof UsernamePasswordAuthenticationToken current)
                || !(current.getPrincipal() instanceof AccountPrincipal principal)) {
            return;
        }
        var moved = UsernamePasswordAuthenticationToken.authenticated(
                principal.inEpoch(epoch), null, current.getAuthorities());
        moved.setDetails(current.getDetails());
        context.setAuthentication(moved);
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            var session = attributes.getRequest().getSession(false);
            if (session != null) {
                session.setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, context);
            }
        }
    }
}
