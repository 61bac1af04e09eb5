package org.attune.webui.security;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Puts the sign-in limits in front of the password check, for the login form and {@code POST /api/token} alike: the
 * attempt is counted per address, then per typed email, and only an attempt within both limits reaches the provider
 * that hashes the password. A success gives the address its attempt back and clears the account's count.
 */
public final class ThrottledSignIn implements AuthenticationProvider {

    private final AuthenticationProvider passwords;
    private final Throttle throttle;

    private ThrottledSignIn(AuthenticationProvider passwords, Throttle throttle) {
        this.passwords = passwords;
        this.throttle = throttle;
    }

    public static AuthenticationProvider guard(AuthenticationProvider passwords, Throttle throttle) {
        return new ThrottledSignIn(passwords, throttle);
    }

    @Override
    public Authentication authenticate(Authentication attempt) throws AuthenticationException {
        var ip = attempt.getDetails() instanceof WebAuthenticationDetails details ? details.getRemoteAddress() : null;
        var email = attempt.getName();
        var perIp = throttle.tryAcquire(Throttle.Limit.SIGN_IN_PER_IP, ip);
        if (!perIp.allowed()) {
            throw new SignInThrottledException(perIp);
        }
        var perAccount = throttle.tryAcquire(Throttle.Limit.SIGN_IN_PER_ACCOUNT, email);
        if (!perAccount.allowed()) {
            throw new SignInThrottledException(perAccount);
        }
        var result = passwords.authenticate(attempt);
        if (result != null && result.isAuthenticated()) {
            throttle.clear(Throttle.Limit.SIGN_IN_PER_ACCOUNT, email);
            throttle.release(Throttle.Limit.SIGN_IN_PER_IP, ip);
        }
        return result;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return passwords.supports(authentication);
    }
}
