package org.attune.kit.erasure;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Erasure markers: the id of every erased account and when, nothing else. Events about an account that arrive after
 * its erasure (a late ConsentGranted, a redelivered check-in) must not bring its data back; consumers check here.
 */
public class ErasedAccounts {

    public static final String COLLECTION = "erased_accounts";

    @Document(COLLECTION)
    record Marker(@Id String id, Instant erasedAt) {}

    private final ReactiveMongoTemplate mongo;

    ErasedAccounts(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    Mono<Void> mark(UUID accountId, Instant erasedAt) {
        return mongo.insert(new Marker(accountId.toString(), erasedAt))
                .then()
                .onErrorResume(DuplicateKeyException.class, alreadyMarked -> Mono.empty());
    }

    /** True when any of the accounts has been erased (null ids are ignored). */
    public Mono<Boolean> anyErased(UUID... accountIds) {
        // Filtered before Reactor sees them: a Flux refuses null elements.
        return Flux.fromIterable(
                        Arrays.stream(accountIds).filter(Objects::nonNull).toList())
                .concatMap(id -> mongo.exists(query(where("_id").is(id.toString())), Marker.class))
                .any(Boolean::booleanValue);
    }
}
