package org.attune.events;

/**
 * An event payload could not be read or written. The message names the problem (type, field path, rule) but never
 * payload contents, and the underlying Jackson exception is deliberately not chained: its message may quote the
 * payload, which carries health data, and stack traces are logged.
 */
public final class EventFormatException extends RuntimeException {

    public EventFormatException(String message) {
        super(message);
    }
}
