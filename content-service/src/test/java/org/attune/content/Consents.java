package org.attune.content;

import static org.awaitility.Awaitility.await;

import java.time.Clock;
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

/**
 * Sends consent events through the real broker and waits until the service has taken them in. Events are dated by the
 * service's (test) clock: the service refuses consent events dated ahead of its own time.
 */
public final class Consents {

    private final ReactiveMongoTemplate mongo;
    private final Clock clock;

    public Consents(ReactiveMongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    public ConsentGranted grant(UUID client, UUID therapist, Set<DataClass> classes, Instant startsAt, Instant endsAt)
            throws Exception {
        return grantAt(client, therapist, classes, startsAt, endsAt, clock.instant());
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

    /** Waits for the event's dedupe mark: a wait only, never evidence of what the event did. */
    public void awaitApplied(UUID eventId) {
        var query = Query.query(Criteria.where("_id").is(eventId.toString()));
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(50))
                .alias("event " + eventId + " taken in")
                .until(() ->
                        mongo.count(query, Document.class, "applied_events").block() > 0);
    }
}
