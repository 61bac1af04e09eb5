package org.attune.checkin.access;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.util.Collection;
import java.util.UUID;
import org.attune.events.DataClass;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Records every therapist read of client data, so the client can see who looked at what and when. */
@Component
public class AccessLog {

    private final ReactiveMongoTemplate mongo;
    private final Clock clock;

    AccessLog(ReactiveMongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
        mongo.indexOps(AccessLogEntry.COLLECTION)
                .createIndex(new Index().on("clientId", Sort.Direction.ASC).on("at", Sort.Direction.DESC))
                .onErrorResume(e -> Mono.empty())
                .subscribe();
    }

    /** Writes one entry per data class; completes once they are stored, before any data is returned. */
    public Mono<Void> record(UUID therapistId, UUID clientId, Collection<DataClass> classes, String resource) {
        var now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        return Flux.fromIterable(classes)
                .map(dataClass -> new AccessLogEntry(
                        UUID.randomUUID().toString(), clientId, therapistId, dataClass, resource, now))
                .collectList()
                .flatMap(entries -> mongo.insertAll(entries).then());
    }

    public Flux<AccessLogEntry> forClient(UUID clientId) {
        return mongo.find(
                query(where("clientId").is(clientId)).with(Sort.by(Sort.Direction.DESC, "at")), AccessLogEntry.class);
    }

    public Mono<Void> eraseAccount(UUID accountId) {
        return mongo.remove(
                        query(new Criteria()
                                .orOperator(
                                        where("clientId").is(accountId),
                                        where("therapistId").is(accountId))),
                        AccessLogEntry.COLLECTION)
                .then();
    }
}
