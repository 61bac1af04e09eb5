package org.attune.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class KafkaSerdeTest {

    private final AttuneEventSerializer serializer = new AttuneEventSerializer();
    private final AttuneEventDeserializer deserializer = new AttuneEventDeserializer();

    @Test
    void every_event_round_trips_through_the_kafka_serdes() {
        for (AttuneEvent event : Examples.all()) {
            String topic = Topics.topicOf(event);
            assertThat(deserializer.deserialize(topic, serializer.serialize(topic, event)))
                    .isEqualTo(event);
        }
    }

    @Test
    void the_serializer_writes_the_same_bytes_as_event_json() {
        AttuneEvent event = Examples.checkInRecorded();
        assertThat(serializer.serialize(Topics.CHECKINS, event)).isEqualTo(EventJson.writeBytes(event));
    }

    @Test
    void no_type_headers_are_written() {
        RecordHeaders headers = new RecordHeaders();
        serializer.serialize(Topics.CHECKINS, headers, Examples.checkInRecorded());
        assertThat(headers.toArray()).isEmpty();
    }

    @Test
    void null_passes_through_both_ways_as_a_tombstone() {
        assertThat(serializer.serialize(Topics.CONSENT, null)).isNull();
        assertThat(deserializer.deserialize(Topics.CONSENT, null)).isNull();
        assertThat(deserializer.deserialize(Topics.CONSENT, new RecordHeaders(), (byte[]) null))
                .isNull();
    }

    @Test
    void an_unreadable_payload_becomes_a_kafka_serialization_exception() {
        byte[] bad = "{\"type\":\"Nope\"}".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> deserializer.deserialize(Topics.CHECKINS, bad))
                .isInstanceOf(SerializationException.class)
                .hasCauseInstanceOf(EventFormatException.class)
                .hasMessageContaining(Topics.CHECKINS);
    }

    @Test
    void a_payload_missing_a_required_field_becomes_a_kafka_serialization_exception() {
        byte[] bad = Examples.json(SafetyFlagRaised.class)
                .replace("\"reason\": \"SELF_HARM_ITEM\",", "")
                .getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> deserializer.deserialize(Topics.SAFETY, bad))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("reason");
    }
}
