package org.attune.webui.identity;

/** A request refused by a limit before any work was done; {@code retryAfterSeconds} tells when to try again. */
public class ThrottledException extends RuntimeException {

    private final long retryAfterSeconds;

    public ThrottledException(long retryAfterSeconds) {
        super("Too many requests");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
