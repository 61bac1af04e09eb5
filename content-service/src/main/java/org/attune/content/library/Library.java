package org.attune.content.library;

import java.util.Collection;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The library as other features see it: active pieces by slug. */
@Component
public class Library {

    private final ReactiveMongoTemplate mongo;

    Library(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The piece if it exists and is active; empty otherwise. */
    public Mono<ContentPiece> active(String slug) {
        return mongo.findById(slug, ContentPiece.class).filter(ContentPiece::active);
    }

    public Flux<ContentPiece> active(Collection<String> slugs) {
        return mongo.find(
                Query.query(Criteria.where("_id").in(slugs).and("status").is(ContentStatus.ACTIVE)),
                ContentPiece.class);
    }
}
