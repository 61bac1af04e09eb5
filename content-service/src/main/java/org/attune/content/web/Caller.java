package org.attune.content.web;

import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.server.ResponseStatusException;

/** Who is calling, from the validated token: the account id and whether it is a client or a therapist. */
public record Caller(UUID id, String role) {

    public static Caller of(Jwt jwt) {
        return new Caller(UUID.fromString(jwt.getSubject()), jwt.getClaimAsString("role"));
    }

    public boolean isClient() {
        return "CLIENT".equals(role);
    }

    public boolean isTherapist() {
        return "THERAPIST".equals(role);
    }

    public Caller requireClient() {
        if (!isClient()) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Only the client can do this.");
        }
        return this;
    }

    public Caller requireTherapist() {
        if (!isTherapist()) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Only a therapist can do this.");
        }
        return this;
    }
}
