package org.attune.webui.security;

import java.util.LinkedHashMap;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.DelegatingAuthenticationFailureHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;

/**
 * Where the login form sends someone whose sign-in failed: {@code ?throttled} when a limit refused it (the view then
 * explains the pause), {@code ?error} otherwise. Applied to the form-login filter Vaadin's configurer builds, after it
 * set its own failure URL.
 */
public final class SignInFailures {

    private SignInFailures() {}

    public static ObjectPostProcessor<UsernamePasswordAuthenticationFilter> redirects(String loginPath) {
        return new ObjectPostProcessor<>() {
            @Override
            public <O extends UsernamePasswordAuthenticationFilter> O postProcess(O filter) {
                filter.setAuthenticationFailureHandler(handler(loginPath));
                return filter;
            }
        };
    }

    static AuthenticationFailureHandler handler(String loginPath) {
        var byException = new LinkedHashMap<Class<? extends AuthenticationException>, AuthenticationFailureHandler>();
        byException.put(
                SignInThrottledException.class, new SimpleUrlAuthenticationFailureHandler(loginPath + "?throttled"));
        return new DelegatingAuthenticationFailureHandler(
                byException, new SimpleUrlAuthenticationFailureHandler(loginPath + "?error"));
    }
}
