package org.attune.webui.signin;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.attune.webui.account.AccountPrincipal;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.authentication.AbstractAuthenticationProcessingFilter;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.security.web.authentication.session.ChangeSessionIdAuthenticationStrategy;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * {@code POST /login/second-factor} (form field {@code code}, CSRF protected like every form): the second step of a
 * sign-in, for the account already signed in with its first factor; it never names the account itself. With Spring
 * Security's MFA merging on, the new factor joins the password factor of the same session; the session id changes as
 * the sign-in gains its role. {@code then=security} returns to the sign-in settings (confirming a new authenticator
 * app there), anything else to the start page.
 */
final class AuthenticatorCodeFilter extends AbstractAuthenticationProcessingFilter {

    static final String PATH = "/login/second-factor";
    static final String SECURITY_PAGE = "/sign-in-security";
    static final String SECOND_FACTOR_PAGE = "/second-factor";

    private final SecurityContextHolderStrategy contexts;

    AuthenticatorCodeFilter(AuthenticationManager authenticationManager, SecurityContextHolderStrategy contexts) {
        super(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, PATH));
        setAuthenticationManager(authenticationManager);
        this.contexts = contexts;
        setSecurityContextHolderStrategy(contexts);
        setSecurityContextRepository(new HttpSessionSecurityContextRepository());
        setSessionAuthenticationStrategy(new ChangeSessionIdAuthenticationStrategy());
        setMfaEnabled(true);
        setAuthenticationSuccessHandler((request, response, authentication) ->
                new SimpleUrlAuthenticationSuccessHandler(fromSettings(request) ? SECURITY_PAGE + "?confirmed" : "/")
                        .onAuthenticationSuccess(request, response, authentication));
        setAuthenticationFailureHandler((request, response, failure) -> new SimpleUrlAuthenticationFailureHandler(
                        (fromSettings(request) ? SECURITY_PAGE : SECOND_FACTOR_PAGE)
                                + (failure instanceof org.springframework.security.authentication.LockedException
                                        ? "?paused"
                                        : "?error"))
                .onAuthenticationFailure(request, response, failure));
    }

    private static boolean fromSettings(HttpServletRequest request) {
        return "security".equals(request.getParameter("then"));
    }

    @Override
    public Authentication attemptAuthentication(HttpServletRequest request, HttpServletResponse response) {
        var current = contexts.getContext().getAuthentication();
        if (current == null
                || !current.isAuthenticated()
                || !(current.getPrincipal() instanceof AccountPrincipal account)) {
            throw new BadCredentialsException("Sign in with a password or passkey first");
        }
        var attempt = new AuthenticatorCodeAuthentication(account.getUsername(), request.getParameter("code"));
        attempt.setDetails(new WebAuthenticationDetails(request));
        return getAuthenticationManager().authenticate(attempt);
    }
}
