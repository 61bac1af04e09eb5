package org.attune.webui.consent;

/** A consent request that cannot be carried out; {@code kind} decides the HTTP status. */
public class ConsentException extends RuntimeException {

    public enum Kind {
        NOT_FOUND,
        FORBIDDEN,
        CONFLICT
    }

    private final Kind kind;

    public ConsentException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
