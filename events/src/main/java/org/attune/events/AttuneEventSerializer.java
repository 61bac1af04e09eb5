package org.attune.events;

import org.apache.kafka.common.serialization.Serializer;

/**
 * Kafka value serializer writing {@link EventJson}. The JSON's own {@code "type"} property identifies the event, so no
 * type headers are written and any consumer can read a message from its bytes alone.
 */
public final class AttuneEventSerializer implements Serializer<AttuneEvent> {

    @Override
    public byte[] serialize(String topic, AttuneEvent event) {
        return event == null ? null : EventJson.writeBytes(event);
    }
}
