package org.attune.webui.signin;

import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;

/** A code from the authenticator app (or a recovery code) typed by the person already signed in as {@code email}. */
final class AuthenticatorCodeAuthentication extends AbstractAuthenticationToken {

    private final String email;
    private String code;

    AuthenticatorCodeAuthentication(String email, String code) {
        super(List.of());
        this.email = email;
        this.code = code;
        setAuthenticated(false);
    }

    @Override
    public Object getCredentials() {
        return code;
    }

    @Override
    public Object getPrincipal() {
        return email;
    }

    @Override
    public void eraseCredentials() {
        code = null;
        super.eraseCredentials();
    }
}
