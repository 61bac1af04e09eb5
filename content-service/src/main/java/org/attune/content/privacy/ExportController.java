package org.attune.content.privacy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.attune.content.web.Caller;
import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Everything this service holds about the caller, as JSON: one list per kind of record. */
@RestController
class ExportController {

    private final ReactiveMongoTemplate mongo;

    ExportController(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @GetMapping("/api/v1/export")
    Mono<Map<String, Object>> export(@AuthenticationPrincipal Jwt jwt) {
        var caller = Caller.of(jwt);
        String id = caller.id().toString();
        return Flux.fromIterable(AccountErasure.OWNED)
                .concatMap(owned -> {
                    var criteria = owned.fields().stream()
                            .map(field -> Criteria.where(field).is(id))
                            .toArray(Criteria[]::new);
                    var query = Query.query(new Criteria().orOperator(criteria));
                    query.fields().exclude("outbox");
                    return mongo.find(query, Document.class, owned.collection())
                            .map(ExportController::plain)
                            .collectList()
                            .map(list -> Map.entry(owned.collection(), (Object) list));
                })
                .collectList()
                .map(entries -> {
                    var export = new LinkedHashMap<String, Object>();
                    export.put("accountId", id);
                    export.put("role", caller.role());
                    export.put("service", "content-service");
                    entries.forEach(e -> export.put(e.getKey(), e.getValue()));
                    return export;
                });
    }

    // Dates and nested values as JSON-friendly types.
    private static Object plain(Object value) {
        return switch (value) {
            case Document d -> {
                var map = new LinkedHashMap<String, Object>();
                d.forEach((k, v) -> map.put("_id".equals(k) ? "id" : k, plain(v)));
                map.remove("_class");
                yield map;
            }
            case List<?> l -> l.stream().map(ExportController::plain).toList();
            case java.util.Date date -> date.toInstant().toString();
            case null -> null;
            default -> value;
        };
    }
}
