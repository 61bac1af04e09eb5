package org.attune.webui.security;

import java.time.Instant;
import org.springframework.security.core.AuthenticationException;

/** A sign-in refused by a limit before its password was looked at. */
public class SignInThrottledException extends AuthenticationException {

    private final transient Throttle.Decision decision;

    public SignInThrottledException(Throttle.Decision decision) {
        super("Too many unsuccessful sign-ins; refused before checking the password");
        this.decision = decision;
    }

    /** Whether this is the first refusal of its window (the one worth auditing). */
    public boolean firstRefusal() {
        return decision.firstRefusal();
    }

    public Instant windowEnds() {
        return decision.windowEnds();
    }
}
