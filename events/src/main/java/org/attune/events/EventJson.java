package org.attune.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.exc.InvalidTypeIdException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.ValueInstantiationException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one JSON form of Attune events, shared by every producer and consumer so they cannot drift apart.
 *
 * <p>Wire rules (pinned by the examples under {@code src/test/resources/examples}): a {@code "type"} property with the
 * event's logical name; java.time values as ISO-8601 strings; enums by name; null fields written as explicit
 * {@code null} so every field of the schema is visible in every message; unknown properties ignored on read so
 * producers can add fields before consumers know them.
 */
public final class EventJson {

    // Every default that shapes the wire is set explicitly, so a Jackson upgrade cannot silently change it.
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DateTimeFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .disable(EnumFeature.WRITE_ENUMS_USING_TO_STRING)
            .disable(EnumFeature.READ_ENUMS_USING_TO_STRING)
            .disable(EnumFeature.WRITE_ENUMS_USING_INDEX)
            .enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            // A mood of 6.5 must be rejected, not truncated to 6.
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            // Parser errors must never quote the payload: it carries health data.
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            // Two values for one field would make the event ambiguous; last-one-wins would hide it.
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .changeDefaultPropertyInclusion(incl -> incl.withValueInclusion(JsonInclude.Include.ALWAYS))
            .build();

    private static final ObjectWriter WRITER = MAPPER.writerFor(AttuneEvent.class);
    private static final ObjectReader READER = MAPPER.readerFor(AttuneEvent.class);

    private EventJson() {}

    /** The configured mapper, for callers that need trees or other types with the same settings. */
    public static JsonMapper mapper() {
        return MAPPER;
    }

    public static String write(AttuneEvent event) {
        Objects.requireNonNull(event, "event");
        try {
            return WRITER.writeValueAsString(event);
        } catch (JacksonException e) {
            throw new EventFormatException("Cannot write " + event.getClass().getSimpleName() + as(e));
        }
    }

    public static byte[] writeBytes(AttuneEvent event) {
        Objects.requireNonNull(event, "event");
        try {
            return WRITER.writeValueAsBytes(event);
        } catch (JacksonException e) {
            throw new EventFormatException("Cannot write " + event.getClass().getSimpleName() + as(e));
        }
    }

    public static AttuneEvent read(String json) {
        Objects.requireNonNull(json, "json");
        try {
            return nonNull(READER.readValue(json));
        } catch (JacksonException e) {
            throw describe(e);
        }
    }

    public static AttuneEvent read(byte[] json) {
        Objects.requireNonNull(json, "json");
        try {
            return nonNull(READER.readValue(json));
        } catch (JacksonException e) {
            throw describe(e);
        }
    }

    /** Reads an event that must be of {@code type}; a valid event of another type is a format error too. */
    public static <T extends AttuneEvent> T read(String json, Class<T> type) {
        AttuneEvent event = read(json);
        if (!type.isInstance(event)) {
            throw new EventFormatException("Expected event type " + type.getSimpleName() + " but got "
                    + event.getClass().getSimpleName());
        }
        return type.cast(event);
    }

    private static AttuneEvent nonNull(AttuneEvent event) {
        if (event == null) {
            throw new EventFormatException("Event payload is JSON null");
        }
        return event;
    }

    // Builds the message from the exception's kind, path and location only; Jackson's own messages may quote values.
    private static EventFormatException describe(JacksonException e) {
        String at = at(e);
        if (e instanceof InvalidTypeIdException) {
            return new EventFormatException("Unknown or missing event type" + at);
        }
        if (e instanceof ValueInstantiationException vie) {
            // The cause comes from a record's compact constructor, whose messages never contain values.
            Throwable cause = vie.getCause();
            String rule = cause instanceof IllegalArgumentException || cause instanceof NullPointerException
                    ? ": " + cause.getMessage()
                    : "";
            return new EventFormatException(
                    "Invalid " + vie.getType().getRawClass().getSimpleName() + rule);
        }
        if (e instanceof InputCoercionException) {
            return new EventFormatException("Number out of range" + at);
        }
        if (e instanceof StreamReadException) {
            return new EventFormatException("Malformed JSON" + at);
        }
        if (e instanceof MismatchedInputException && !e.getPath().isEmpty()) {
            return new EventFormatException("Missing or invalid value" + at);
        }
        return new EventFormatException(
                "Unexpected JSON structure (" + e.getClass().getSimpleName() + ")" + at);
    }

    private static String as(JacksonException e) {
        return " (" + e.getClass().getSimpleName() + ")" + at(e);
    }

    private static String at(JacksonException e) {
        StringBuilder where = new StringBuilder();
        String path = path(e);
        if (!path.isEmpty()) {
            where.append(" at field '").append(path).append('\'');
        }
        TokenStreamLocation location = e.getLocation();
        if (location != null && location.getLineNr() > 0) {
            where.append(" (line ")
                    .append(location.getLineNr())
                    .append(", column ")
                    .append(location.getColumnNr())
                    .append(')');
        }
        return where.toString();
    }

    // Property names and indexes are schema, not data; map keys do not occur in events.
    private static String path(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference ref : e.getPath()) {
            if (ref.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
