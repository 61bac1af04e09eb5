package org.attune.kit.outbox;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Update;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The outbox operations over the reactive driver. */
final class ReactiveOutboxStore implements OutboxStore {

    static final String EVENTS = Outbox.FIELD + ".events";
    static final String DUE_AT = Outbox.FIELD + ".dueAt";

    private final ReactiveMongoTemplate mongo;

    ReactiveOutboxStore(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Mono<Void> indexDueTimes(String collection) {
        return mongo.indexOps(collection)
                .createIndex(new Index().on(DUE_AT, Sort.Direction.ASC))
                .then();
    }

    @Override
    public Flux<Object> due(String collection, Instant now, int limit) {
        var due = query(where(EVENTS + ".0").exists(true).and(DUE_AT).lte(now)).limit(limit);
        due.fields().include("_id");
        return mongo.find(due, Document.class, collection).map(doc -> doc.get("_id"));
    }

    @Override
    public Mono<List<String>> claim(String collection, Object id, Instant now, Instant until, String claimant) {
        var free = query(
                where("_id").is(id).and(EVENTS + ".0").exists(true).and(DUE_AT).lte(now));
        var take = new Update().set(DUE_AT, until).set(Outbox.FIELD + ".claimedBy", claimant);
        return mongo.findAndModify(
                        free, take, FindAndModifyOptions.options().returnNew(true), Document.class, collection)
                .map(ReactiveOutboxStore::events);
    }

    @Override
    public Mono<Void> removeAll(String collection, List<Object> ids, List<String> events, Instant publishedAt) {
        return mongo.updateMulti(
                        query(where("_id").in(ids)),
                        new Update().pullAll(EVENTS, events.toArray()).set(Outbox.FIELD + ".publishedAt", publishedAt),
                        collection)
                .then();
    }

    /** The events held in a document's outbox. */
    static List<String> events(Document document) {
        var outbox = document.get(Outbox.FIELD, Document.class);
        return outbox == null ? List.of() : new ArrayList<>(outbox.getList("events", String.class));
    }
}
