package org.attune.notification.alerting;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Therapists' safety-alert settings, one document each. */
@Component
public class AlertSettingsStore {

    private final ReactiveMongoTemplate mongo;

    AlertSettingsStore(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The stored settings, or the defaults (not stored) for a therapist who never chose. */
    public Mono<AlertSettings> get(String therapistId) {
        return mongo.findById(therapistId, AlertSettings.class, AlertSettings.COLLECTION)
                .defaultIfEmpty(AlertSettings.defaults(therapistId));
    }

    /** Stored settings only (export). */
    public Mono<AlertSettings> find(String therapistId) {
        return mongo.findById(therapistId, AlertSettings.class, AlertSettings.COLLECTION);
    }

    Mono<AlertSettings> save(AlertSettings settings) {
        return mongo.save(settings, AlertSettings.COLLECTION);
    }

    public Mono<Void> erase(String accountId) {
        return mongo.remove(query(where("_id").is(accountId)), AlertSettings.COLLECTION)
                .then();
    }
}
