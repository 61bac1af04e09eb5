package org.attune.content.messaging;

import java.time.Instant;
import org.attune.events.AttuneEvent;
import org.attune.events.EventJson;

/**
 * An event stored inside the document it belongs to, written in the same single-document write as the change
 * itself; {@link OutboxRelay} publishes it and marks it published. A crash between the two loses nothing.
 */
public record Outbox(String event, boolean published, Instant publishedAt) {

    public static Outbox pending(AttuneEvent event) {
        return new Outbox(EventJson.write(event), false, null);
    }
}
