package org.attune.kit.servlet;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.attune.kit.outbox.Outbox;
import org.attune.kit.outbox.OutboxStore;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Update;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The relay's outbox operations through the blocking driver; the work happens when the answer is subscribed to. */
final class BlockingOutboxStore implements OutboxStore {

    private static final String EVENTS = Outbox.FIELD + ".events";
    private static final String DUE_AT = Outbox.FIELD + ".dueAt";

    private final MongoTemplate mongo;

    BlockingOutboxStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Mono<Void> indexDueTimes(String collection) {
        return Mono.fromRunnable(
                () -> mongo.indexOps(collection).createIndex(new Index().on(DUE_AT, Sort.Direction.ASC)));
    }

    @Override
    public Flux<Object> due(String collection, Instant now, int limit) {
        return Flux.defer(() -> {
            var due = query(where(EVENTS + ".0").exists(true).and(DUE_AT).lte(now))
                    .limit(limit);
            due.fields().include("_id");
            return Flux.fromIterable(mongo.find(due, Document.class, collection))
                    .map(doc -> doc.get("_id"));
        });
    }

    @Override
    public Mono<List<String>> claim(String collection, Object id, Instant now, Instant until, String claimant) {
        return Mono.fromCallable(() -> {
            var free = query(where("_id")
                    .is(id)
                    .and(EVENTS + ".0")
                    .exists(true)
                    .and(DUE_AT)
                    .lte(now));
            var take = new Update().set(DUE_AT, until).set(Outbox.FIELD + ".claimedBy", claimant);
            var claimed = mongo.findAndModify(
                    free, take, FindAndModifyOptions.options().returnNew(true), Document.class, collection);
            if (claimed == null) {
                return null;
            }
            var outbox = claimed.get(Outbox.FIELD, Document.class);
            return (List<String>) new ArrayList<>(outbox.getList("events", String.class));
        });
    }

    @Override
    public Mono<Void> removeAll(String collection, List<Object> ids, List<String> events, Instant publishedAt) {
        return Mono.fromRunnable(() -> mongo.updateMulti(
                query(where("_id").in(ids)),
                new Update().pullAll(EVENTS, events.toArray()).set(Outbox.FIELD + ".publishedAt", publishedAt),
                collection));
    }
}
