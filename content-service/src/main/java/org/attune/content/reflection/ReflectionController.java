package org.attune.content.reflection;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.attune.content.library.ContentKind;
import org.attune.content.library.ContentPiece;
import org.attune.content.library.Library;
import org.attune.events.DataClass;
import org.attune.kit.consent.TherapistAccess;
import org.attune.kit.security.Caller;
import org.attune.kit.web.InvalidRequestException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;

/**
 * A client's private written answer to a reflection ("jot it down here"): read, written and removed by the client
 * alone (the path rules let only clients reach {@code /answer}). Private by default; a therapist reads the answers a
 * client chose to share, and only under an active grant that includes NOTES, each read in the client's access log.
 */
@RestController
class ReflectionController {

    static final int MAX_TEXT = 5000;
    static final String RESOURCE = "reflections";

    private final ReactiveMongoTemplate mongo;
    private final Library library;
    private final TherapistAccess access;
    private final Clock clock;

    ReflectionController(ReactiveMongoTemplate mongo, Library library, TherapistAccess access, Clock clock) {
        this.mongo = mongo;
        this.library = library;
        this.access = access;
        this.clock = clock;
    }

    /**
     * @param text the client's own words
     * @param shared whether the therapist the client shares NOTES with may read it; false (private) unless said
     */
    record AnswerRequest(@NotBlank @Size(max = MAX_TEXT) String text, Boolean shared) {}

    record AnswerView(String slug, String text, boolean shared, Instant updatedAt) {

        static AnswerView of(ReflectionAnswer a) {
            return new AnswerView(a.slug(), a.text(), a.shared(), a.updatedAt());
        }
    }

    record SharedAnswer(String slug, String title, String text, Instant updatedAt) {}

    @Operation(summary = "The signed-in client's own written answer to a reflection (404 when there is none).")
    @GetMapping("/api/v1/content/{slug}/answer")
    Mono<AnswerView> mine(@AuthenticationPrincipal Jwt jwt, @PathVariable String slug) {
        var client = Caller.of(jwt);
        return mongo.findById(ReflectionAnswer.idOf(client.id(), slug), ReflectionAnswer.class)
                .map(AnswerView::of)
                .switchIfEmpty(Mono.error(
                        new ResponseStatusException(HttpStatus.NOT_FOUND, "There is no answer written here yet.")));
    }

    @Operation(summary = "Write or rewrite the client's answer to a reflection; private unless shared is true.")
    @PutMapping("/api/v1/content/{slug}/answer")
    Mono<AnswerView> write(
            @AuthenticationPrincipal Jwt jwt, @PathVariable String slug, @Valid @RequestBody AnswerRequest request) {
        var client = Caller.of(jwt);
        var now = clock.instant();
        return reflection(slug)
                .flatMap(piece -> mongo.findAndModify(
                        query(where("_id").is(ReflectionAnswer.idOf(client.id(), piece.slug()))),
                        new Update()
                                .set("clientId", client.id().toString())
                                .set("slug", piece.slug())
                                .set("text", request.text().strip())
                                .set("shared", Boolean.TRUE.equals(request.shared()))
                                .set("updatedAt", now)
                                .setOnInsert("createdAt", now),
                        FindAndModifyOptions.options().upsert(true).returnNew(true),
                        ReflectionAnswer.class))
                .map(AnswerView::of);
    }

    @Operation(summary = "Remove the client's answer to a reflection.")
    @DeleteMapping("/api/v1/content/{slug}/answer")
    Mono<ResponseEntity<Void>> remove(@AuthenticationPrincipal Jwt jwt, @PathVariable String slug) {
        var client = Caller.of(jwt);
        return mongo.remove(query(where("_id").is(ReflectionAnswer.idOf(client.id(), slug))), ReflectionAnswer.class)
                .thenReturn(ResponseEntity.noContent().build());
    }

    @Operation(summary = "The reflection answers a client chose to share, for a therapist they share NOTES with.")
    @GetMapping("/api/v1/clients/{clientId}/reflections")
    Mono<List<SharedAnswer>> shared(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID clientId) {
        var therapist = Caller.of(jwt);
        return access.read(therapist.id(), clientId, DataClass.NOTES, RESOURCE)
                .then(mongo.find(
                                query(where("clientId")
                                                .is(clientId.toString())
                                                .and("shared")
                                                .is(true))
                                        .with(Sort.by(Sort.Direction.DESC, "updatedAt")),
                                ReflectionAnswer.class)
                        .collectList())
                .flatMap(answers -> library.active(
                                answers.stream().map(ReflectionAnswer::slug).toList())
                        .collectMap(ContentPiece::slug, Function.identity())
                        .map(pieces ->
                                answers.stream().map(a -> shared(a, pieces)).toList()));
    }

    private static SharedAnswer shared(ReflectionAnswer a, Map<String, ContentPiece> pieces) {
        var piece = pieces.get(a.slug());
        return new SharedAnswer(a.slug(), piece == null ? a.slug() : piece.title(), a.text(), a.updatedAt());
    }

    /** The active reflection by that name: 404 when there is none, 400 when the piece is not a reflection. */
    private Mono<ContentPiece> reflection(String slug) {
        return library.active(slug)
                .switchIfEmpty(Mono.error(
                        new ResponseStatusException(HttpStatus.NOT_FOUND, "There is no piece with that name.")))
                .map(piece -> {
                    if (piece.kind() != ContentKind.REFLECTION) {
                        throw InvalidRequestException.of("slug", "only reflections take a written answer");
                    }
                    return piece;
                });
    }
}
