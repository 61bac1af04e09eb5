package org.attune.webui.messaging;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.stereotype.Component;

/**
 * Remembers which events web-ui has applied, so a redelivered event is skipped. The event id is the document id:
 * the uniqueness check is a single-document insert, which holds on every MongoDB-protocol server.
 */
@Component
public class AppliedEvents {

    private final MongoTemplate mongo;
    private final Clock clock;

    AppliedEvents(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /** True the first time an event id is seen, false for a repeat. */
    public boolean firstTime(UUID eventId, String topic) {
        try {
            mongo.insert(new AppliedEvent(eventId.toString(), topic, clock.instant()));
            return true;
        } catch (DuplicateKeyException repeat) {
            return false;
        }
    }

    @Document("applied_events")
    record AppliedEvent(@Id String id, String topic, Instant appliedAt) {}
}
