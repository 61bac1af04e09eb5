package org.attune.content;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.attune.events.AttuneEvent;
import org.attune.events.ConsentEndReason;
import org.attune.events.ConsentGranted;
import org.attune.events.ConsentRevoked;
import org.attune.events.DataClass;
import org.attune.testsupport.EventPublisher;
import org.attune.testsupport.TestInfrastructure;
import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/** Sends consent events through the real broker and waits until the service has applied them. */
public final class Consents {

    private final ReactiveMongoTemplate mongo;

    public Consents(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    public ConsentGranted grant(UUID client, UUID therapist, Set<DataClass> classes, Instant startsAt, Instant endsAt)
            throws Exception {
        return grantAt(client, therapist, classes, startsAt, endsAt, Instant.now());
    }

    public ConsentGranted grantAt(
            UUID client, UUID therapist, Set<DataClass> classes, Instant startsAt, Instant endsAt, Instant occurredAt)
            throws Exception {
        var event = new ConsentGranted(
                UUID.randomUUID(),
                occurredAt,
                AttuneEvent.CURRENT_SCHEMA_VERSION,
                client,
                UUID.randomUUID(),
                therapist,
                classes,
                startsAt,
                endsAt);
        send(event);
        return event;
    }

    public ConsentRevoked revokeAt(UUID client, UUID therapist, UUID consentId, Instant occurredAt) throws Exception {
        var event = new ConsentRevoked(
                UUID.randomUUID(),
                occurredAt,
                AttuneEvent.CURRENT_SCHEMA_VERSION,
                client,
                consentId,
                therapist,
                ConsentEndReason.REVOKED_BY_CLIENT);
        send(event);
        return event;
    }

    public void send(AttuneEvent event) throws Exception {
        try (var events = new EventPublisher(TestInfrastructure.get().bootstrapServers())) {
            events.publish(event);
        }
        awaitApplied(event.eventId());
    }

    public void awaitApplied(UUID eventId) throws InterruptedException {
        var query = Query.query(Criteria.where("_id").is(eventId.toString()));
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            if (mongo.count(query, Document.class, "applied_events").block() > 0) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("event " + eventId + " was not applied in time");
    }
}
