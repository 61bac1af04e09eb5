package org.attune.webui.signin;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;

/** A password sign-in (Spring's DAO provider) that carries its role only when no second factor is still needed. */
final class FirstFactorProvider implements AuthenticationProvider {

    private final AuthenticationProvider delegate;
    private final SignInPolicy policy;

    FirstFactorProvider(AuthenticationProvider delegate, SignInPolicy policy) {
        this.delegate = delegate;
        this.policy = policy;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        var result = delegate.authenticate(authentication);
        return result == null ? null : policy.withRoleOnlyIfComplete(result);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return delegate.supports(authentication);
    }
}
