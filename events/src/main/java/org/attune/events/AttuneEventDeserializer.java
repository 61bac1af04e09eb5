package org.attune.events;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Kafka value deserializer reading {@link EventJson}. Bad payloads surface as Kafka's {@link SerializationException},
 * which error handlers already route to the dead-letter topic.
 */
public final class AttuneEventDeserializer implements Deserializer<AttuneEvent> {

    @Override
    public AttuneEvent deserialize(String topic, byte[] data) {
        if (data == null) {
            return null; // tombstone, e.g. on the compacted consent topic
        }
        try {
            return EventJson.read(data);
        } catch (EventFormatException e) {
            throw new SerializationException("Cannot read event from " + topic + ": " + e.getMessage(), e);
        }
    }
}
