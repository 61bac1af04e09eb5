package org.attune.kit.security;

import java.util.UUID;
import org.attune.events.Role;
import org.springframework.security.oauth2.jwt.Jwt;

/** The signed-in account making a request, taken from its validated token. */
public record Caller(UUID id, Role role) {

    public static Caller of(Jwt jwt) {
        return new Caller(UUID.fromString(jwt.getSubject()), Role.valueOf(jwt.getClaimAsString("role")));
    }

    public boolean isTherapist() {
        return role == Role.THERAPIST;
    }
}
