package org.attune.webui.library;

import java.util.Map;
import java.util.Optional;

/**
 * What a service said to a request: a value, or why there is none — not shared with this therapist, nothing by that
 * name, invalid fields (field → message), or no answer at all.
 */
public record Reply<T>(Status status, T value, Map<String, String> fieldErrors) {

    public enum Status {
        OK,
        NOT_SHARED,
        NOT_FOUND,
        INVALID,
        UNAVAILABLE
    }

    public static <T> Reply<T> ok(T value) {
        return new Reply<>(Status.OK, value, Map.of());
    }

    public static <T> Reply<T> of(Status status) {
        return new Reply<>(status, null, Map.of());
    }

    public static <T> Reply<T> invalid(Map<String, String> fieldErrors) {
        return new Reply<>(Status.INVALID, null, Map.copyOf(fieldErrors));
    }

    public boolean isOk() {
        return status == Status.OK;
    }

    public Optional<T> asOptional() {
        return Optional.ofNullable(value);
    }
}
