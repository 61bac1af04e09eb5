package org.attune.content.config;

import java.time.Duration;
import java.util.List;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.CompoundIndexDefinition;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/**
 * Secondary indexes for the queries this service runs (the kit creates the outbox due-time and access-log-by-client
 * indexes itself). Real MongoDB uses them; mongo-java-server ignores
 * non-unique ones, which is harmless. A failure is logged, never fatal: indexes are about speed, not correctness.
 */
@Component
@Order(0)
class MongoIndexes implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(MongoIndexes.class);

    record Wanted(String collection, Document keys) {}

    static final List<Wanted> WANTED = List.of(
            new Wanted("content", new Document("status", 1).append("topics", 1)),
            new Wanted("content", new Document("tokens", 1)),
            new Wanted("engagements", new Document("clientId", 1).append("kind", 1)),
            new Wanted("recommendations", new Document("clientId", 1).append("createdAt", -1)),
            new Wanted("assignments", new Document("clientId", 1).append("therapistId", 1)),
            new Wanted("assignments", new Document("therapistId", 1)),
            // The kit indexes access_log by client and time itself; erasure also finds entries and grants by account.
            new Wanted("access_log", new Document("therapistId", 1)),
            new Wanted("consent_grants", new Document("clientId", 1)),
            new Wanted("consent_grants", new Document("therapistId", 1)));

    private final ReactiveMongoTemplate mongo;

    MongoIndexes(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void run(ApplicationArguments args) {
        Flux.fromIterable(WANTED)
                .concatMap(wanted -> mongo.indexOps(wanted.collection())
                        .createIndex(new CompoundIndexDefinition(wanted.keys()))
                        .onErrorResume(e -> {
                            log.warn(
                                    "Index on {} not created ({})",
                                    wanted.collection(),
                                    e.getClass().getSimpleName());
                            return reactor.core.publisher.Mono.empty();
                        }))
                .then()
                .block(Duration.ofSeconds(60));
    }
}
