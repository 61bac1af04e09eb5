package org.attune.webui.security;

import java.util.LinkedHashMap;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.DelegatingAuthenticationFailureHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;

/**
 * Where the login form sends someone whose sign-in failed: {@code ?throttled} when a limit refused it (the view then
 * explains the pause), {@code ?error} otherwise. Applied to the built chain's form-login filter, after Vaadin's
 * configurer set its own failure URL (configuring form login before Vaadin does would bring back Spring's default
 * login page).
 */
public final class SignInFailures {

    private SignInFailures() {}

    public static SecurityFilterChain redirect(SecurityFilterChain chain, String loginPath) {
        chain.getFilters().stream()
                .filter(UsernamePasswordAuthenticationFilter.class::isInstance)
                .map(UsernamePasswordAuthenticationFilter.class::cast)
                .forEach(filter -> filter.setAuthenticationFailureHandler(handler(loginPath)));
        return chain;
    }

    static AuthenticationFailureHandler handler(String loginPath) {
        var byException = new LinkedHashMap<Class<? extends AuthenticationException>, AuthenticationFailureHandler>();
        byException.put(
                SignInThrottledException.class, new SimpleUrlAuthenticationFailureHandler(loginPath + "?throttled"));
        return new DelegatingAuthenticationFailureHandler(
                byException, new SimpleUrlAuthenticationFailureHandler(loginPath + "?error"));
    }
}
