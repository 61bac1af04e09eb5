package org.attune.webui.consent;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import org.attune.events.AttuneEvent;
import org.attune.events.ConsentGranted;
import org.attune.events.ConsentRevoked;
import org.attune.kit.outbox.OutboxCollections;
import org.attune.kit.outbox.OutboxListener;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * What follows once the kit's relay has a grant's event acknowledged: a proposed grant becomes active when its
 * {@code ConsentGranted} is out (the services know of it, so the client may be told it works), and a grant of an
 * erased account goes once its final {@code ConsentRevoked} is out.
 */
@Component
class ConsentOutbox implements OutboxListener {

    private final MongoTemplate mongo;
    private final ApplicationEventPublisher events;

    ConsentOutbox(MongoTemplate mongo, ApplicationEventPublisher events) {
        this.mongo = mongo;
        this.events = events;
    }

    @Override
    public Mono<Void> afterPublish(String collection, Object id, AttuneEvent event) {
        if (!Grant.COLLECTION.equals(collection)) {
            return Mono.empty();
        }
        return Mono.fromRunnable(() -> {
            switch (event) {
                case ConsentGranted granted -> activate(id, granted);
                case ConsentRevoked revoked ->
                    mongo.remove(query(where("_id").is(id).and("purge").is(true)), Grant.class);
                default -> {}
            }
        });
    }

    private void activate(Object id, ConsentGranted granted) {
        var activated = mongo.updateFirst(
                query(where("_id").is(id).and("status").is(GrantStatus.PROPOSED)),
                Update.update("status", GrantStatus.ACTIVE),
                Grant.class);
        if (activated.getModifiedCount() > 0) {
            events.publishEvent(new GrantChanged(granted.clientId(), granted.therapistId(), true));
        }
    }

    /** A grant to purge whose final event went out just before a crash would otherwise stay. */
    @Scheduled(fixedDelayString = "${attune.outbox.sweep-interval:1s}")
    void purgeSettled() {
        mongo.remove(query(where("purge").is(true).and("outbox.events.0").exists(false)), Grant.class);
    }

    @Configuration(proxyBeanMethods = false)
    static class Collections {

        @Bean
        OutboxCollections consentOutboxCollections() {
            return OutboxCollections.of(Grant.COLLECTION);
        }
    }
}
