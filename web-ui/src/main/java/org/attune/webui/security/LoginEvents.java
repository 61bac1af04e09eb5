package org.attune.webui.security;

import org.attune.webui.account.AccountPrincipal;
import org.attune.webui.account.Accounts;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/** Audits every sign-in, failed sign-in and sign-in refused by a limit (form and API). */
@Component
class LoginEvents {

    private final AuditLog audit;
    private final Accounts accounts;

    LoginEvents(AuditLog audit, Accounts accounts) {
        this.audit = audit;
        this.accounts = accounts;
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        var authentication = event.getAuthentication();
        if (authentication.getPrincipal() instanceof AccountPrincipal principal) {
            audit.record(AuditLog.Kind.LOGIN_SUCCEEDED, principal.id().toString(), ip(authentication));
        }
    }

    @EventListener
    void failed(AbstractAuthenticationFailureEvent event) {
        var authentication = event.getAuthentication();
        if (event.getException() instanceof SignInThrottledException throttled) {
            // Once per window, without an account lookup: a flood of refused attempts costs next to nothing.
            if (throttled.firstRefusal()) {
                audit.record(AuditLog.Kind.LOGIN_THROTTLED, null, ip(authentication));
            }
            return;
        }
        // The account id when the email is known; never what was typed (it may be a password in the wrong field).
        var accountId =
                accounts.byEmail(authentication.getName()).map(a -> a.id()).orElse(null);
        audit.record(AuditLog.Kind.LOGIN_FAILED, accountId, ip(authentication));
    }

    private static String ip(Authentication authentication) {
        return authentication.getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress()
                : null;
    }
}
