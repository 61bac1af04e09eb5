package org.attune.webui.library.ui;

import java.util.List;
import java.util.UUID;
import org.attune.events.Role;
import org.attune.webui.security.Caller;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** Signs someone in for a browserless test, the way web-ui's own tokens look to {@link Caller}. */
public final class SignedIn {

    private SignedIn() {}

    public static Caller as(Role role) {
        var id = UUID.randomUUID();
        var jwt = Jwt.withTokenValue("test")
                .header("alg", "none")
                .subject(id.toString())
                .claim("role", role.name())
                .build();
        var authentication =
                new JwtAuthenticationToken(jwt, List.of(new SimpleGrantedAuthority("ROLE_" + role.name())));
        SecurityContextHolder.getContext().setAuthentication(authentication);
        return new Caller(id, role);
    }

    public static void out() {
        SecurityContextHolder.clearContext();
    }
}
