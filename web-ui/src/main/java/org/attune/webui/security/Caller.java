package org.attune.webui.security;

import java.util.Optional;
import java.util.UUID;
import org.attune.events.Role;
import org.attune.webui.account.AccountPrincipal;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Who is calling, whether signed in through the session or with one of web-ui's bearer tokens; nobody while a
 * sign-in waits for its second factor. {@code sessionEpoch}
 * is the epoch a browser session signed in at (null for bearer tokens and for work done on a person's behalf): service
 * tokens are minted only while it is still the account's epoch.
 */
public record Caller(UUID id, Role role, Long sessionEpoch) {

    public Caller(UUID id, Role role) {
        this(id, role, null);
    }

    public static Optional<Caller> of(Authentication authentication) {
        if (authentication == null || !authentication.isAuthenticated()) {
            return Optional.empty();
        }
        if (authentication.getPrincipal() instanceof AccountPrincipal principal) {
            // A sign-in still waiting for its second factor carries no role, and so is nobody yet.
            var role = "ROLE_" + principal.role().name();
            return authentication.getAuthorities().stream().anyMatch(a -> role.equals(a.getAuthority()))
                    ? Optional.of(new Caller(principal.id(), principal.role(), principal.sessionEpoch()))
                    : Optional.empty();
        }
        if (authentication instanceof JwtAuthenticationToken jwt) {
            try {
                return Optional.of(new Caller(
                        UUID.fromString(jwt.getToken().getSubject()),
                        Role.valueOf(jwt.getToken().getClaimAsString("role"))));
            } catch (IllegalArgumentException | NullPointerException malformed) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** The caller of the current request or UI interaction, if signed in. */
    public static Optional<Caller> current() {
        return of(SecurityContextHolder.getContext().getAuthentication());
    }

    public boolean isClient() {
        return role == Role.CLIENT;
    }

    public boolean isTherapist() {
        return role == Role.THERAPIST;
    }
}
