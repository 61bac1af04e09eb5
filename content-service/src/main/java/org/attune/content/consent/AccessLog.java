package org.attune.content.consent;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.attune.content.web.Caller;
import org.attune.events.DataClass;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Every therapist read of a client's data in this service: who, which data class, what, when. The client sees it. */
@RestController
public class AccessLog {

    private final ReactiveMongoTemplate mongo;
    private final Clock clock;

    AccessLog(ReactiveMongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    @Document("access_log")
    public record Entry(
            @Id String id, String clientId, String therapistId, DataClass dataClass, String what, Instant at) {}

    Mono<Void> record(UUID clientId, UUID therapistId, DataClass dataClass, String what) {
        return mongo.insert(new Entry(
                        UUID.randomUUID().toString(),
                        clientId.toString(),
                        therapistId.toString(),
                        dataClass,
                        what,
                        clock.instant()))
                .then();
    }

    public Flux<Entry> of(UUID clientId) {
        return mongo.find(
                Query.query(Criteria.where("clientId").is(clientId.toString()))
                        .with(Sort.by(Sort.Direction.DESC, "at")),
                Entry.class);
    }

    @GetMapping("/api/v1/access-log")
    Flux<Entry> mine(@AuthenticationPrincipal Jwt jwt) {
        return of(Caller.of(jwt).requireClient().id());
    }
}
