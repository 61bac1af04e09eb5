package org.attune.webui.security;

import org.attune.webui.account.AccountPrincipal;
import org.attune.webui.account.Accounts;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/** Audits every sign-in and failed sign-in (form and API) and feeds failures to the throttle. */
@Component
class LoginEvents {

    private final AuditLog audit;
    private final LoginThrottle throttle;
    private final Accounts accounts;

    LoginEvents(AuditLog audit, LoginThrottle throttle, Accounts accounts) {
        this.audit = audit;
        this.throttle = throttle;
        this.accounts = accounts;
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        var authentication = event.getAuthentication();
        if (authentication.getPrincipal() instanceof AccountPrincipal principal) {
            throttle.succeeded(principal.email());
            audit.record(AuditLog.Kind.LOGIN_SUCCEEDED, principal.id().toString(), ip(authentication));
        }
    }

    @EventListener
    void failed(AbstractAuthenticationFailureEvent event) {
        var authentication = event.getAuthentication();
        var email = authentication.getName();
        throttle.failed(email, ip(authentication));
        // The account id when the email is known; never what was typed (it may be a password in the wrong field).
        var accountId = accounts.byEmail(email).map(a -> a.id()).orElse(null);
        audit.record(AuditLog.Kind.LOGIN_FAILED, accountId, ip(authentication));
    }

    private static String ip(Authentication authentication) {
        return authentication.getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress()
                : null;
    }
}
