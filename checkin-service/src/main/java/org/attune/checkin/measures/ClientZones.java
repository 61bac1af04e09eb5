package org.attune.checkin.measures;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The client's own time zone, which decides where their calendar day starts: a due date opens at midnight there.
 * The zone is the one the client chose in their reminder settings (notification-service announces it); UTC until
 * they chose one, which is also what their reminders use until then.
 */
@Component
class ClientZones {

    static final String COLLECTION = "client_time_zones";

    private final ReactiveMongoTemplate mongo;

    ClientZones(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    Mono<ZoneId> of(UUID clientId) {
        return mongo.findById(clientId.toString(), ClientZone.class, COLLECTION)
                .map(ClientZones::parse)
                .defaultIfEmpty(ZoneOffset.UTC);
    }

    /** Keeps the newer of two announcements, so a late redelivery cannot undo a change. */
    Mono<Void> remember(UUID clientId, String zone, Instant at) {
        return mongo.findById(clientId.toString(), ClientZone.class, COLLECTION)
                .filter(known -> !known.at().isBefore(at))
                .hasElement()
                .flatMap(newerKnown -> newerKnown
                        ? Mono.<Void>empty()
                        : mongo.save(new ClientZone(clientId.toString(), zone, at), COLLECTION)
                                .then());
    }

    Mono<Void> forget(UUID clientId) {
        return mongo.remove(
                        org.springframework.data.mongodb.core.query.Query.query(
                                org.springframework.data.mongodb.core.query.Criteria.where("_id")
                                        .is(clientId.toString())),
                        COLLECTION)
                .then();
    }

    private static ZoneId parse(ClientZone zone) {
        try {
            return ZoneId.of(zone.zone());
        } catch (RuntimeException unknown) {
            return ZoneOffset.UTC;
        }
    }

    @Document(COLLECTION)
    record ClientZone(@Id String id, String zone, Instant at) {}
}
