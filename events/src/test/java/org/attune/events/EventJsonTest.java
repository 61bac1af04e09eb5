package org.attune.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class EventJsonTest {

    // Stands in for health data: it must never reach an exception message.
    private static final String SECRET = "SECRET-feeling-hopeless";

    static Stream<Arguments> eventTypes() {
        return Examples.types().stream().map(type -> Arguments.argumentSet(type.getSimpleName(), type));
    }

    @ParameterizedTest
    @MethodSource("eventTypes")
    void every_event_round_trips_through_its_pinned_example(Class<? extends AttuneEvent> type) {
        String pinned = Examples.json(type);
        AttuneEvent expected = Examples.expected(type);

        AttuneEvent read = EventJson.read(pinned);
        assertThat(read).isInstanceOf(type).isEqualTo(expected);

        String written = EventJson.write(expected);
        assertThat(EventJson.read(written)).isEqualTo(expected);
        assertThat(tree(written)).isEqualTo(tree(pinned));
    }

    @ParameterizedTest
    @MethodSource("eventTypes")
    void every_pinned_example_names_its_type_by_the_simple_record_name(Class<? extends AttuneEvent> type) {
        assertThat(tree(Examples.json(type)).get("type").asString()).isEqualTo(type.getSimpleName());
    }

    @ParameterizedTest
    @MethodSource("eventTypes")
    void every_event_round_trips_as_bytes(Class<? extends AttuneEvent> type) {
        AttuneEvent expected = Examples.expected(type);
        assertThat(EventJson.read(EventJson.writeBytes(expected))).isEqualTo(expected);
    }

    @Test
    void every_permitted_event_type_has_a_pinned_example_and_an_expected_record() {
        assertThat(AttuneEvent.class.getPermittedSubclasses()).hasSize(21).allSatisfy(type -> {
            Class<? extends AttuneEvent> eventType = type.asSubclass(AttuneEvent.class);
            assertThat(AttuneEvent.class.getResource("/examples/" + type.getSimpleName() + ".json"))
                    .as("pinned example for %s", type.getSimpleName())
                    .isNotNull();
            assertThat(Examples.expected(eventType)).isInstanceOf(type);
        });
    }

    @Test
    void null_fields_are_written_as_explicit_nulls() {
        JsonNode json = tree(EventJson.write(Examples.consentGranted()));
        assertThat(json.has("endsAt")).isTrue();
        assertThat(json.get("endsAt").isNull()).isTrue();
    }

    @Test
    void unknown_fields_are_ignored() {
        ObjectNode json = (ObjectNode) tree(Examples.json(CheckInRecorded.class));
        json.putObject("addedLater").put("nested", true).putArray("items").add(1);
        json.put("anotherNewField", "x");

        assertThat(EventJson.read(json.toString())).isEqualTo(Examples.checkInRecorded());
    }

    @Test
    void json_names_the_type_logically_and_never_a_java_class() {
        String json = EventJson.write(Examples.checkInRecorded());

        assertThat(json).contains("\"type\":\"CheckInRecorded\"");
        assertThat(json).doesNotContain("@class").doesNotContain("org.attune");
    }

    @Test
    void a_java_class_name_as_type_is_rejected() {
        String json = Examples.json(CheckInRecorded.class)
                .replace("\"CheckInRecorded\"", "\"" + CheckInRecorded.class.getName() + "\"");

        assertThatThrownBy(() -> EventJson.read(json)).isInstanceOf(EventFormatException.class);
    }

    @Test
    void dates_times_and_instants_are_iso_strings() {
        JsonNode checkIn = tree(EventJson.write(Examples.checkInRecorded()));
        assertThat(checkIn.get("occurredAt").isString()).isTrue();
        assertThat(checkIn.get("occurredAt").asString()).isEqualTo("2025-03-14T21:30:00Z");
        assertThat(checkIn.get("localDate").asString()).isEqualTo("2025-03-14");

        JsonNode questionnaire = tree(EventJson.write(Examples.questionnaireCompleted()));
        assertThat(questionnaire.get("occurredAt").asString()).isEqualTo("2025-03-15T08:05:12.345Z");

        JsonNode schedule = tree(EventJson.write(Examples.sessionScheduled()));
        assertThat(schedule.get("weeklyTime").asString()).isEqualTo("18:30:00");
        assertThat(schedule.get("weeklyDay").asString()).isEqualTo("TUESDAY");
        assertThat(schedule.get("oneOffStarts").get(0).asString()).isEqualTo("2025-03-27T16:00:00Z");
    }

    @Test
    void enums_are_written_by_name() {
        JsonNode json = tree(EventJson.write(Examples.checkInRecorded()));
        assertThat(json.get("window").asString()).isEqualTo("HYPO");
    }

    @Test
    void reading_as_a_specific_type_returns_that_type() {
        CheckInRecorded read = EventJson.read(Examples.json(CheckInRecorded.class), CheckInRecorded.class);
        assertThat(read).isEqualTo(Examples.checkInRecorded());
    }

    @Test
    void reading_as_the_wrong_type_is_an_event_format_exception() {
        assertThatThrownBy(() -> EventJson.read(Examples.json(CheckInRecorded.class), QuestionnaireCompleted.class))
                .isInstanceOf(EventFormatException.class)
                .hasMessageContaining("QuestionnaireCompleted")
                .hasMessageContaining("CheckInRecorded");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "{", "not json", "[]", "42", "{\"type\":\"CheckInRecorded\",}"})
    void malformed_json_is_an_event_format_exception(String json) {
        assertThatThrownBy(() -> EventJson.read(json)).isInstanceOf(EventFormatException.class);
    }

    @Test
    void json_null_is_an_event_format_exception() {
        assertThatThrownBy(() -> EventJson.read("null")).isInstanceOf(EventFormatException.class);
    }

    @Test
    void trailing_content_is_an_event_format_exception() {
        String json = Examples.json(CheckInRecorded.class) + "{}";
        assertThatThrownBy(() -> EventJson.read(json)).isInstanceOf(EventFormatException.class);
    }

    @Test
    void duplicate_fields_are_an_event_format_exception() {
        String json = Examples.json(CheckInRecorded.class).replace("\"mood\": 4,", "\"mood\": 4, \"mood\": 9,");
        assertThatThrownBy(() -> EventJson.read(json)).isInstanceOf(EventFormatException.class);
    }

    @Test
    void an_unknown_type_is_an_event_format_exception() {
        String json = Examples.json(CheckInRecorded.class).replace("\"CheckInRecorded\"", "\"CheckInDeleted\"");

        assertThatThrownBy(() -> EventJson.read(json))
                .isInstanceOf(EventFormatException.class)
                .hasMessageContaining("event type");
    }

    @Test
    void a_missing_type_is_an_event_format_exception() {
        ObjectNode json = (ObjectNode) tree(Examples.json(CheckInRecorded.class));
        json.remove("type");

        assertThatThrownBy(() -> EventJson.read(json.toString()))
                .isInstanceOf(EventFormatException.class)
                .hasMessageContaining("event type");
    }

    @ParameterizedTest
    @ValueSource(strings = {"checkInId", "window", "emotions", "localDate", "eventId", "occurredAt", "clientId"})
    void a_missing_required_object_field_is_an_event_format_exception_naming_it(String field) {
        ObjectNode json = (ObjectNode) tree(Examples.json(CheckInRecorded.class));
        json.remove(field);

        assertThatThrownBy(() -> EventJson.read(json.toString()))
                .isInstanceOf(EventFormatException.class)
                .hasMessageContaining(field);
    }

    @ParameterizedTest
    @ValueSource(strings = {"mood", "energy", "hasNote", "schemaVersion"})
    void a_missing_primitive_field_is_an_event_format_exception_not_a_silent_zero(String field) {
        ObjectNode json = (ObjectNode) tree(Examples.json(CheckInRecorded.class));
        json.remove(field);

        assertThatThrownBy(() -> EventJson.read(json.toString()))
                .isInstanceOf(EventFormatException.class)
                .hasMessageContaining(field);
    }

    @Test
    void an_absent_nullable_field_reads_as_null() {
        ObjectNode json = (ObjectNode) tree(Examples.json(CheckInRecorded.class));
        json.remove("sleepHours");

        assertThat(EventJson.read(json.toString(), CheckInRecorded.class).sleepHours())
                .isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"11", "-1", "4.5", "\"four\"", "null", "99999999999"})
    void an_invalid_mood_is_an_event_format_exception(String mood) {
        ObjectNode json = (ObjectNode) tree(Examples.json(CheckInRecorded.class));
        json.set("mood", tree(mood));

        assertThatThrownBy(() -> EventJson.read(json.toString()))
                .isInstanceOf(EventFormatException.class)
                .hasMessageContaining("mood");
    }

    @Test
    void an_unknown_enum_constant_or_enum_index_is_an_event_format_exception() {
        String unknown = Examples.json(CheckInRecorded.class).replace("\"HYPO\"", "\"LOW\"");
        String index = Examples.json(CheckInRecorded.class).replace("\"HYPO\"", "2");

        assertThatThrownBy(() -> EventJson.read(unknown)).isInstanceOf(EventFormatException.class);
        assertThatThrownBy(() -> EventJson.read(index)).isInstanceOf(EventFormatException.class);
    }

    @Test
    void error_messages_never_echo_payload_contents() {
        String validShape = Examples.json(CheckInRecorded.class).replace("\"tired\"", "\"" + SECRET + "\"");
        String[] bad = {
            "{\"type\":\"CheckInRecorded\", " + SECRET + "}",
            SECRET,
            validShape.replace("\"HYPO\"", "\"" + SECRET + "\""),
            validShape.replace("\"2025-03-14\"", "\"" + SECRET + "\""),
            validShape.replace("\"CheckInRecorded\"", "\"" + SECRET + "\""),
            validShape.replace("\"mood\": 4", "\"mood\": \"" + SECRET + "\""),
            validShape.replace("\"mood\": 4", "\"mood\": 11"),
            validShape.replace("\"work\"", "null"),
        };
        for (String json : bad) {
            assertThatThrownBy(() -> EventJson.read(json))
                    .isInstanceOf(EventFormatException.class)
                    .satisfies(e -> assertThat(fullTrace(e)).doesNotContain(SECRET));
        }
    }

    @Test
    void reading_bytes_that_are_not_utf8_is_an_event_format_exception() {
        byte[] bytes = {(byte) 0xC3, (byte) 0x28, '{', '}'};
        assertThatThrownBy(() -> EventJson.read(bytes)).isInstanceOf(EventFormatException.class);
    }

    @Test
    void the_mapper_is_shared() {
        assertThat(EventJson.mapper()).isSameAs(EventJson.mapper());
    }

    private static JsonNode tree(String json) {
        return EventJson.mapper().readTree(json);
    }

    private static String fullTrace(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.append(t).append('\n');
        }
        return all.toString();
    }
}
