package org.attune.content.engagement;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.attune.content.library.Library;
import org.attune.kit.security.Caller;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;

/** A client tells the service they opened, started, completed or rated a piece. */
@RestController
class EngagementController {

    private final ReactiveMongoTemplate mongo;
    private final Library library;
    private final Clock clock;

    EngagementController(ReactiveMongoTemplate mongo, Library library, Clock clock) {
        this.mongo = mongo;
        this.library = library;
        this.clock = clock;
    }

    record EngagementRequest(@NotNull EngagementKind kind) {}

    record EngagementView(String slug, EngagementKind kind, String day, boolean alreadyRecorded) {}

    @Operation(summary = "Record that the client opened, started, completed or rated a piece.")
    @PostMapping("/api/v1/content/{slug}/engagements")
    Mono<ResponseEntity<EngagementView>> record(
            @AuthenticationPrincipal Jwt jwt,
            @PathVariable String slug,
            @Valid @RequestBody EngagementRequest request) {
        // The path rules let only clients here.
        var caller = Caller.of(jwt);
        var now = clock.instant();
        String day = LocalDate.ofInstant(now, ZoneOffset.UTC).toString();
        var engagement = new Engagement(
                Engagement.idOf(caller.id(), slug, request.kind(), day),
                caller.id().toString(),
                slug,
                request.kind(),
                day,
                now);
        return library.active(slug)
                .switchIfEmpty(Mono.error(
                        new ResponseStatusException(HttpStatus.NOT_FOUND, "There is no piece with that name.")))
                .then(mongo.insert(engagement))
                .map(saved -> ResponseEntity.status(HttpStatus.CREATED)
                        .body(new EngagementView(slug, request.kind(), day, false)))
                .onErrorResume(
                        DuplicateKeyException.class,
                        repeat -> Mono.just(ResponseEntity.ok(new EngagementView(slug, request.kind(), day, true))));
    }
}
