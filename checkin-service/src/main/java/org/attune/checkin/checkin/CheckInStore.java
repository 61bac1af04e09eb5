package org.attune.checkin.checkin;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.LocalDate;
import java.util.UUID;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Reads and writes check-ins; the feature's API for progress, export and erasure. */
@Component
public class CheckInStore {

    private final ReactiveMongoTemplate mongo;

    CheckInStore(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
        mongo.indexOps(CheckIn.COLLECTION)
                .createIndex(new Index().on("clientId", Sort.Direction.ASC).on("recordedAt", Sort.Direction.DESC))
                .then(mongo.indexOps(CheckIn.COLLECTION)
                        .createIndex(
                                new Index().on("clientId", Sort.Direction.ASC).on("localDate", Sort.Direction.ASC)))
                .onErrorResume(e -> Mono.empty())
                .subscribe();
    }

    Mono<CheckIn> insert(CheckIn checkIn) {
        return mongo.insert(checkIn);
    }

    Mono<CheckIn> byId(String id) {
        return mongo.findById(id, CheckIn.class);
    }

    static Query range(UUID clientId, LocalDate from, LocalDate to) {
        var criteria = where("clientId").is(clientId);
        if (from != null || to != null) {
            Criteria date = where("localDate");
            if (from != null) {
                date = date.gte(from);
            }
            if (to != null) {
                date = date.lte(to);
            }
            criteria = new Criteria().andOperator(criteria, date);
        }
        return query(criteria);
    }

    Mono<Long> count(UUID clientId, LocalDate from, LocalDate to) {
        return mongo.count(range(clientId, from, to), CheckIn.class);
    }

    Flux<CheckIn> page(UUID clientId, LocalDate from, LocalDate to, int page, int size) {
        return mongo.find(
                range(clientId, from, to)
                        .with(Sort.by(Sort.Direction.DESC, "recordedAt"))
                        .skip((long) page * size)
                        .limit(size),
                CheckIn.class);
    }

    /** The client's check-in with the latest {@code recordedAt}, if any. */
    public Mono<CheckIn> latest(UUID clientId) {
        return mongo.findOne(
                query(where("clientId").is(clientId))
                        .with(Sort.by(Sort.Direction.DESC, "recordedAt"))
                        .limit(1),
                CheckIn.class);
    }

    /** All of a client's check-ins in the range, oldest first. */
    public Flux<CheckIn> all(UUID clientId, LocalDate from, LocalDate to) {
        return mongo.find(range(clientId, from, to).with(Sort.by(Sort.Direction.ASC, "recordedAt")), CheckIn.class);
    }
}
