package org.attune.events;

import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Checks shared by the event records. Messages name the field and the rule but never the value, because they end up
 * in {@link EventFormatException}s and logs, and values carry health data.
 */
final class Require {

    private Require() {}

    static <T> T nonNull(T value, String field) {
        if (value == null) {
            throw new NullPointerException(field + " is required");
        }
        return value;
    }

    static String nonBlank(String value, String field) {
        if (nonNull(value, field).isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank");
        }
        return value;
    }

    static int between(int value, int min, int max, String field) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(field + " must be between " + min + " and " + max);
        }
        return value;
    }

    static int positive(int value, String field) {
        if (value <= 0) {
            throw new IllegalArgumentException(field + " must be positive");
        }
        return value;
    }

    /** Common header of every event. */
    static void header(UUID eventId, Instant occurredAt, int schemaVersion, UUID clientId) {
        nonNull(eventId, "eventId");
        nonNull(occurredAt, "occurredAt");
        positive(schemaVersion, "schemaVersion");
        nonNull(clientId, "clientId");
    }

    /** Immutable copy; rejects null elements with a message that does not leak the list. */
    static <T> List<T> list(List<T> values, String field) {
        noNullElements(values, field);
        return List.copyOf(values);
    }

    /** Immutable copy in enum declaration order, so the JSON array is written in a stable order. */
    static <E extends Enum<E>> Set<E> enumSet(Collection<E> values, Class<E> type, String field) {
        noNullElements(values, field);
        EnumSet<E> copy = EnumSet.noneOf(type);
        copy.addAll(values);
        return Collections.unmodifiableSet(copy);
    }

    // Iterates rather than calling contains(null), which immutable collections reject with a bare NPE.
    private static void noNullElements(Collection<?> values, String field) {
        nonNull(values, field);
        for (Object value : values) {
            if (value == null) {
                throw new NullPointerException(field + " must not contain null");
            }
        }
    }
}
