package org.attune.content.privacy;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import io.swagger.v3.oas.annotations.Operation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.attune.kit.access.AccessLogEntry;
import org.attune.kit.consent.ConsentProjection;
import org.attune.kit.outbox.Outbox;
import org.attune.kit.security.Caller;
import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
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
    private final ConsentProjection consent;

    ExportController(ReactiveMongoTemplate mongo, ConsentProjection consent) {
        this.mongo = mongo;
        this.consent = consent;
    }

    @Operation(summary = "Export everything this service holds about the caller.")
    @GetMapping("/api/v1/export")
    Mono<Map<String, Object>> export(@AuthenticationPrincipal Jwt jwt) {
        var caller = Caller.of(jwt);
        UUID id = caller.id();
        var own = Flux.fromIterable(ContentAccountData.CLIENT_COLLECTIONS).concatMap(collection -> {
            var query = query(new Criteria()
                    .orOperator(
                            where("clientId").is(id.toString()),
                            where("therapistId").is(id.toString())));
            query.fields().exclude(Outbox.FIELD);
            return mongo.find(query, Document.class, collection)
                    .map(ExportController::plain)
                    .collectList()
                    .map(list -> Map.entry(collection, (Object) list));
        });
        // A therapist's own reads are about them too, so the log is exported for either side of an entry.
        var accessLog = mongo.find(
                        query(new Criteria()
                                .orOperator(
                                        where("clientId").is(id),
                                        where("therapistId").is(id))),
                        AccessLogEntry.class)
                .collectList()
                .map(list -> Map.entry(AccessLogEntry.COLLECTION, (Object) list));
        var grants = consent.involving(id).collectList().map(list -> Map.entry("consent_grants", (Object) list));
        return Flux.concat(own, accessLog, grants).collectList().map(entries -> {
            var export = new LinkedHashMap<String, Object>();
            export.put("accountId", id.toString());
            export.put("role", caller.role().name());
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
