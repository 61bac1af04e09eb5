package org.attune.content.consent;

import java.time.Clock;
import java.util.UUID;
import org.attune.events.DataClass;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;

/**
 * Answers whether a therapist may reach a client's data of one class now, and records every read that is allowed.
 * A refusal looks the same whether or not the client exists.
 */
@Component
public class ConsentAccess {

    private final ReactiveMongoTemplate mongo;
    private final AccessLog accessLog;
    private final Clock clock;

    ConsentAccess(ReactiveMongoTemplate mongo, AccessLog accessLog, Clock clock) {
        this.mongo = mongo;
        this.accessLog = accessLog;
        this.clock = clock;
    }

    public Mono<Boolean> allows(UUID therapistId, UUID clientId, DataClass dataClass) {
        return mongo.findById(ConsentGrant.idOf(clientId, therapistId), ConsentGrant.class)
                .map(grant -> grant.covers(dataClass, clock.instant()))
                .defaultIfEmpty(false);
    }

    /** Completes when allowed (and logs the access as {@code what}); errors with 403 otherwise. */
    public Mono<Void> require(UUID therapistId, UUID clientId, DataClass dataClass, String what) {
        return allows(therapistId, clientId, dataClass)
                .flatMap(allowed -> allowed
                        ? accessLog.record(clientId, therapistId, dataClass, what)
                        : Mono.error(new ResponseStatusException(
                                HttpStatus.FORBIDDEN, "There is no active sharing that covers this.")));
    }
}
