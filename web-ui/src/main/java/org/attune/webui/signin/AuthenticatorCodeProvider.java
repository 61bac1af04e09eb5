package org.attune.webui.signin;

import java.util.ArrayList;
import org.attune.webui.account.AccountPrincipal;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The authenticator-app factor as a Spring Security provider: a right code (or unused recovery code) for the account
 * grants {@link SignInPolicy#TOTP_AUTHORITY} as a {@link FactorGrantedAuthority}; Spring's MFA support then merges it
 * with the password factor of the same sign-in.
 */
final class AuthenticatorCodeProvider implements AuthenticationProvider {

    private final UserDetailsService users;
    private final SecondFactors secondFactors;

    AuthenticatorCodeProvider(UserDetailsService users, SecondFactors secondFactors) {
        this.users = users;
        this.secondFactors = secondFactors;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        var attempt = (AuthenticatorCodeAuthentication) authentication;
        if (!(users.loadUserByUsername(attempt.getName()) instanceof AccountPrincipal account)) {
            throw new BadCredentialsException("No such account");
        }
        if (!account.isAccountNonLocked()) {
            throw new LockedException("Suspended");
        }
        var outcome = secondFactors.verify(account.id(), (String) attempt.getCredentials());
        switch (outcome) {
            case AUTHENTICATOR_CODE, RECOVERY_CODE -> {
                account.eraseCredentials();
                var authorities = new ArrayList<GrantedAuthority>(account.getAuthorities());
                authorities.add(FactorGrantedAuthority.fromAuthority(SignInPolicy.TOTP_AUTHORITY));
                var result = UsernamePasswordAuthenticationToken.authenticated(account, null, authorities);
                result.setDetails(authentication.getDetails());
                return result;
            }
            case TOO_MANY_ATTEMPTS -> throw new LockedException("Too many codes tried");
            default -> throw new BadCredentialsException("Wrong code");
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return AuthenticatorCodeAuthentication.class.isAssignableFrom(authentication);
    }
}
