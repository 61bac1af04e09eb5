package org.attune.notification.preferences;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import org.attune.events.Role;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Preferences, one document per account. */
@Component
public class PreferencesStore {

    static final String COLLECTION = "preferences";

    private final ReactiveMongoTemplate mongo;
    private final Clock clock;

    PreferencesStore(ReactiveMongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /** The stored preferences, or the defaults (not stored) for someone who never set any. */
    public Mono<Preferences> get(String accountId, Role role) {
        return mongo.findById(accountId, Preferences.class, COLLECTION)
                .defaultIfEmpty(Preferences.defaults(accountId, role, clock.instant()));
    }

    /**
     * The stored preferences of these accounts, by id, in one read (a dispatch batch's recipients); an account without
     * any is absent: its caller knows which role's defaults apply.
     */
    public Mono<Map<String, Preferences>> findAll(Collection<String> accountIds) {
        if (accountIds.isEmpty()) {
            return Mono.just(Map.of());
        }
        return mongo.find(Query.query(where("_id").in(accountIds)), Preferences.class, COLLECTION)
                .collectMap(Preferences::id);
    }

    public Mono<Preferences> find(String accountId) {
        return mongo.findById(accountId, Preferences.class, COLLECTION);
    }

    /** Stores the defaults unless preferences already exist, so the person gets their gentle reminder. */
    public Mono<Preferences> getOrCreate(String accountId, Role role) {
        return find(accountId)
                .switchIfEmpty(Mono.defer(
                        () -> mongo.insert(Preferences.defaults(accountId, role, clock.instant()), COLLECTION)
                                .onErrorResume(DuplicateKeyException.class, raced -> find(accountId))));
    }

    /** Adds a muted kind (once) and answers with the preferences after the change; empty when there are none. */
    public Mono<Preferences> addMutedKind(String accountId, String kind) {
        return mongo.findAndModify(
                Query.query(where("_id").is(accountId)),
                new Update().addToSet("mutedKinds", kind).set("updatedAt", clock.instant()),
                FindAndModifyOptions.options().returnNew(true),
                Preferences.class,
                COLLECTION);
    }

    /** Sets (or with null, ends) a pause of every reminder; empty when there are no preferences. */
    public Mono<Preferences> setPausedUntil(String accountId, Instant until) {
        return mongo.findAndModify(
                Query.query(where("_id").is(accountId)),
                new Update().set("pausedUntil", until).set("updatedAt", clock.instant()),
                FindAndModifyOptions.options().returnNew(true),
                Preferences.class,
                COLLECTION);
    }

    public Mono<Preferences> save(Preferences preferences) {
        return mongo.save(preferences, COLLECTION);
    }

    /** Preferences whose last planned daily reminder is due (or none was planned yet). */
    public Flux<Preferences> dailyPlanningDue(Instant now, int limit) {
        var query = Query.query(where("dailyReminderTime")
                        .ne(null)
                        .orOperator(
                                where("nextDailyAt").is(null),
                                where("nextDailyAt").lte(now)))
                .limit(limit);
        return mongo.find(query, Preferences.class, COLLECTION);
    }

    public Flux<Preferences> weeklyPlanningDue(Instant now, int limit) {
        var query = Query.query(where("weeklyQuestionnaireDay")
                        .ne(null)
                        .orOperator(
                                where("nextWeeklyAt").is(null),
                                where("nextWeeklyAt").lte(now)))
                .limit(limit);
        return mongo.find(query, Preferences.class, COLLECTION);
    }

    public Mono<Void> setCursor(String accountId, String field, Instant value) {
        return mongo.updateFirst(
                        Query.query(where("_id").is(accountId)),
                        new Update().set(field, value),
                        Preferences.class,
                        COLLECTION)
                .then();
    }

    public Mono<Void> erase(String accountId) {
        return mongo.remove(Query.query(Criteria.where("_id").is(accountId)), Preferences.class, COLLECTION)
                .then();
    }
}
