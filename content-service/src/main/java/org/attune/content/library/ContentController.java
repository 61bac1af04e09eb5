package org.attune.content.library;

import io.swagger.v3.oas.annotations.Operation;
import java.util.ArrayList;
import java.util.List;
import org.attune.kit.web.InvalidRequestException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;

/** Browsing and reading the library; open to every signed-in client and therapist. */
@RestController
@RequestMapping("/api/v1/content")
class ContentController {

    static final int MAX_PAGE_SIZE = 100;
    static final int MAX_QUERY_LENGTH = 200;

    private final ReactiveMongoTemplate mongo;
    private final CrisisLinesMarkdown crisisLines;

    ContentController(ReactiveMongoTemplate mongo, CrisisLinesMarkdown crisisLines) {
        this.mongo = mongo;
        this.crisisLines = crisisLines;
    }

    record Summary(
            String slug,
            String title,
            ContentKind kind,
            List<String> topics,
            int minutes,
            String locale,
            String summary) {
        static Summary of(ContentPiece p) {
            return new Summary(p.slug(), p.title(), p.kind(), p.topics(), p.minutes(), p.locale(), p.summary());
        }
    }

    record Page(List<Summary> items, int page, int size, long total) {}

    record Detail(
            String slug,
            String title,
            ContentKind kind,
            List<String> topics,
            int minutes,
            String locale,
            String reviewedBy,
            String summary,
            List<ContentPiece.Step> steps,
            ContentPiece.Breathing breathing,
            String body,
            int version) {
        static Detail of(ContentPiece p, String body) {
            return new Detail(
                    p.slug(),
                    p.title(),
                    p.kind(),
                    p.topics(),
                    p.minutes(),
                    p.locale(),
                    p.reviewedBy(),
                    p.summary(),
                    p.steps() == null ? List.of() : p.steps(),
                    p.breathing(),
                    body,
                    p.version());
        }
    }

    @Operation(summary = "Browse the library by topic, kind, locale or words, one page at a time.")
    @GetMapping
    Mono<Page> list(
            @RequestParam(required = false) String topic,
            @RequestParam(required = false) ContentKind kind,
            @RequestParam(required = false) String locale,
            @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        if (page < 0) {
            throw InvalidRequestException.of("page", "must be 0 or more");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw InvalidRequestException.of("size", "must be between 1 and " + MAX_PAGE_SIZE);
        }
        if (q != null && q.length() > MAX_QUERY_LENGTH) {
            throw InvalidRequestException.of("q", "must be at most " + MAX_QUERY_LENGTH + " characters");
        }
        if (topic != null && !topic.isBlank() && !KnownTopics.ALL.contains(topic)) {
            throw InvalidRequestException.of("topic", "is not a known topic");
        }
        var criteria = new ArrayList<Criteria>();
        criteria.add(Criteria.where("status").is(ContentStatus.ACTIVE));
        if (topic != null && !topic.isBlank()) {
            criteria.add(Criteria.where("topics").is(topic));
        }
        if (kind != null) {
            criteria.add(Criteria.where("kind").is(kind));
        }
        if (locale != null && !locale.isBlank()) {
            criteria.add(Criteria.where("locale").is(locale));
        }
        if (q != null && !q.isBlank()) {
            var words = SearchTokens.of(q);
            if (!words.isEmpty()) {
                criteria.add(Criteria.where("tokens").all(words));
            }
        }
        var filter = new Criteria().andOperator(criteria);
        var query = Query.query(filter)
                .with(Sort.by("title", "_id"))
                .skip((long) page * size)
                .limit(size);
        return mongo.find(query, ContentPiece.class)
                .map(Summary::of)
                .collectList()
                .zipWith(mongo.count(Query.query(filter), ContentPiece.class))
                .map(result -> new Page(result.getT1(), page, size, result.getT2()));
    }

    @Operation(summary = "Read one piece with its body, steps and breathing pace.")
    @GetMapping("/{slug}")
    Mono<Detail> one(@PathVariable String slug) {
        return mongo.findById(slug, ContentPiece.class)
                .filter(ContentPiece::active)
                .map(p -> Detail.of(p, crisisLines.render(p.body())))
                .switchIfEmpty(Mono.error(
                        new ResponseStatusException(HttpStatus.NOT_FOUND, "There is no piece with that name.")));
    }
}
