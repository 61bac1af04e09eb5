package org.attune.content.engagement;

import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** A client's engagements, as other features read them. */
@Component
public class Engagements {

    private final ReactiveMongoTemplate mongo;

    Engagements(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Flux<Engagement> of(UUID clientId) {
        return mongo.find(
                Query.query(Criteria.where("clientId").is(clientId.toString())).with(Sort.by("at")), Engagement.class);
    }

    public Flux<Engagement> of(UUID clientId, EngagementKind kind) {
        return mongo.find(
                Query.query(Criteria.where("clientId")
                                .is(clientId.toString())
                                .and("kind")
                                .is(kind))
                        .with(Sort.by("at")),
                Engagement.class);
    }

    /** Slugs the client marked NOT_HELPFUL (and not HELPFUL since). */
    public Mono<Set<String>> notHelpful(UUID clientId) {
        return mongo.find(
                        Query.query(Criteria.where("clientId")
                                        .is(clientId.toString())
                                        .and("kind")
                                        .in(EngagementKind.HELPFUL, EngagementKind.NOT_HELPFUL))
                                .with(Sort.by("at")),
                        Engagement.class)
                .collectList()
                .map(list -> {
                    var latest = new java.util.HashMap<String, EngagementKind>();
                    list.forEach(e -> latest.put(e.slug(), e.kind()));
                    return latest.entrySet().stream()
                            .filter(e -> e.getValue() == EngagementKind.NOT_HELPFUL)
                            .map(java.util.Map.Entry::getKey)
                            .collect(Collectors.toSet());
                });
    }
}
