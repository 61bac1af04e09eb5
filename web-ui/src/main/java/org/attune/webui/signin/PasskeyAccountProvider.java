package org.attune.webui.signin;

import org.attune.webui.account.AccountPrincipal;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/**
 * Spring Security's passkey provider checks the assertion; this turns its result into the signed-in account (the
 * same principal a password sign-in has, so everything downstream sees one kind of person), and refuses a suspended
 * account, which Spring's provider does not check.
 */
final class PasskeyAccountProvider implements AuthenticationProvider {

    private final AuthenticationProvider webAuthn;
    private final UserDetailsService users;

    PasskeyAccountProvider(AuthenticationProvider webAuthn, UserDetailsService users) {
        this.webAuthn = webAuthn;
        this.users = users;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        var verified = webAuthn.authenticate(authentication);
        if (verified == null) {
            return null;
        }
        try {
            if (!(users.loadUserByUsername(verified.getName()) instanceof AccountPrincipal account)) {
                throw new BadCredentialsException("No such account");
            }
            if (!account.isAccountNonLocked()) {
                throw new LockedException("Suspended");
            }
            account.eraseCredentials();
            var result = UsernamePasswordAuthenticationToken.authenticated(account, null, verified.getAuthorities());
            result.setDetails(authentication.getDetails());
            return result;
        } catch (UsernameNotFoundException gone) {
            throw new BadCredentialsException("No such account", gone);
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return webAuthn.supports(authentication);
    }
}
