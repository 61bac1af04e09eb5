package org.attune.notification.web;

/** A request value outside what is allowed; answered as 400 with the field named in the {@code errors} list. */
public class InvalidRequestException extends RuntimeException {

    private final String field;

    public InvalidRequestException(String field, String message) {
        super(message, null, false, false);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
