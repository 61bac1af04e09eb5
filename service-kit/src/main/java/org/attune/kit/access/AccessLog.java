package org.attune.kit.access;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.UUID;
import org.attune.events.DataClass;
import org.attune.events.Role;
import org.attune.kit.erasure.AccountDataEraser;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Update;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Records every therapist read of client data, so the client can see who looked at what and when. */
public class AccessLog implements AccountDataEraser {

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
        var now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        return Flux.fromIterable(classes)
                .map(dataClass -> new AccessLogEntry(
                        UUID.randomUUID().toString(), clientId, therapistId, false, dataClass, resource, now))
                .collectList()
                .flatMap(entries -> entries.isEmpty()
                        ? Mono.empty()
                        : mongo.insertAll(entries).then());
    }

    public Flux<AccessLogEntry> forClient(UUID clientId) {
        return mongo.find(
                query(where("clientId").is(clientId)).with(Sort.by(Sort.Direction.DESC, "at")), AccessLogEntry.class);
    }

    /**
     * An erased client's log goes with them. An erased therapist's reads stay in their clients' logs under a
     * pseudonym, so reading and then erasing cannot remove the trail.
     */
    @Override
    public Mono<Void> erase(UUID accountId, Role role) {
        return mongo.remove(query(where("clientId").is(accountId)), AccessLogEntry.COLLECTION)
                .then(mongo.updateMulti(
                        query(where("therapistId").is(accountId)),
                        new Update().unset("therapistId").set("therapistErased", true),
                        AccessLogEntry.COLLECTION))
                .then();
    }
}
