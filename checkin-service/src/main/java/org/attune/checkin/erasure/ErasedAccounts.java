package org.attune.checkin.erasure;

import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Erasure markers: the id of every erased account (and when), nothing else. Events about an account that arrive after
 * its erasure (a late ConsentGranted, say, on another topic) must not bring its data back; projections check here.
 */
@Component
public class ErasedAccounts {

    @Document(Marker.COLLECTION)
    record Marker(@Id String id, Instant erasedAt) {
        static final String COLLECTION = "erased_accounts";
    }

    private final ReactiveMongoTemplate mongo;

    ErasedAccounts(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    Mono<Void> mark(UUID accountId, Instant erasedAt) {
        return mongo.insert(new Marker(accountId.toString(), erasedAt))
                .then()
                .onErrorResume(DuplicateKeyException.class, alreadyMarked -> Mono.empty());
    }

    /** True when any of the accounts has been erased. */
    public Mono<Boolean> anyErased(UUID... accountIds) {
        return Flux.fromIterable(Arrays.asList(accountIds))
                .concatMap(id -> mongo.exists(
                        org.springframework.data.mongodb.core.query.Query.query(
                                org.springframework.data.mongodb.core.query.Criteria.where("_id")
                                        .is(id.toString())),
                        Marker.class))
                .any(Boolean::booleanValue);
    }
}
