package org.attune.webui.consent;

import org.attune.events.ConsentGranted;
import org.attune.events.EventJson;
import org.attune.kit.messaging.EventPublisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Publishes the events waiting in grant documents, oldest first, and removes each once the broker acknowledged it.
 * A crash between store and publish loses nothing: the next run picks the event up (consumers skip repeats).
 */
@Component
class ConsentRelay {

    private static final Logger log = LoggerFactory.getLogger(ConsentRelay.class);

    private final MongoTemplate mongo;
    private final EventPublisher publisher;
    private final ApplicationEventPublisher events;

    ConsentRelay(MongoTemplate mongo, EventPublisher publisher, ApplicationEventPublisher events) {
        this.mongo = mongo;
        this.publisher = publisher;
        this.events = events;
    }

    @Scheduled(fixedDelayString = "${attune.outbox.relay-interval:2s}")
    void relayPending() {
        // A grant to purge whose outbox was emptied just before a crash would otherwise stay forever.
        var pending = mongo.find(
                Query.query(new Criteria()
                        .orOperator(
                                Criteria.where("outbox.0").exists(true),
                                Criteria.where("purge").is(true))),
                Grant.class);
        for (var grant : pending) {
            flush(grant.id());
        }
    }

    /** Publishes what is waiting in this grant; true when nothing is left waiting. */
    synchronized boolean flush(String grantId) {
        var grant = mongo.findById(grantId, Grant.class);
        if (grant == null) {
            return true;
        }
        try {
            for (var outgoing : grant.outbox()) {
                var event = EventJson.read(outgoing.json());
                publisher.publishAndWait(event);
                var byId = Query.query(Criteria.where("_id").is(grantId));
                mongo.updateFirst(
                        byId,
                        new Update().pull("outbox", new org.bson.Document("eventId", outgoing.eventId())),
                        Grant.class);
                if (event instanceof ConsentGranted granted) {
                    var activated = mongo.updateFirst(
                            Query.query(Criteria.where("_id")
                                    .is(grantId)
                                    .and("status")
                                    .is(GrantStatus.PROPOSED)),
                            Update.update("status", GrantStatus.ACTIVE),
                            Grant.class);
                    if (activated.getModifiedCount() > 0) {
                        events.publishEvent(new GrantChanged(granted.clientId(), granted.therapistId(), true));
                    }
                }
            }
        } catch (RuntimeException e) {
            log.warn(
                    "Consent events of grant {} not published yet: {}",
                    grantId,
                    e.getClass().getSimpleName());
            return false;
        }
        if (grant.purge()) {
            mongo.remove(
                    Query.query(
                            Criteria.where("_id").is(grantId).and("outbox.0").exists(false)),
                    Grant.class);
        }
        return true;
    }
}
