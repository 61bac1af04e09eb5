package org.attune.content.library;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Brings the stored library in line with the files on start: new files are added, files whose hash changed are
 * updated (version + 1), unchanged ones are left alone and pieces whose file is gone are RETIRED (kept, so old
 * recommendations and assignments still resolve their title). Running it twice changes nothing the second time.
 */
@Component
public class LibraryLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(LibraryLoader.class);

    private final ReactiveMongoTemplate mongo;
    private final Clock clock;
    private final String location;

    LibraryLoader(
            ReactiveMongoTemplate mongo,
            Clock clock,
            @Value("${attune.content.location:classpath*:content/*/*.md}") String location) {
        this.mongo = mongo;
        this.clock = clock;
        this.location = location;
    }

    /** What one synchronisation did. */
    public record SyncReport(int added, int updated, int unchanged, long retired) {}

    @Override
    public void run(ApplicationArguments args) {
        var report = sync(location).block(Duration.ofSeconds(60));
        log.info("Content library synchronised: {}", report);
    }

    public Mono<SyncReport> sync(String pattern) {
        return Mono.fromCallable(() -> read(pattern)).flatMap(this::sync);
    }

    Mono<SyncReport> sync(List<ContentPiece> pieces) {
        var slugs = new HashSet<String>();
        for (ContentPiece piece : pieces) {
            if (!slugs.add(piece.slug())) {
                return Mono.error(new LibraryFormatException(piece.slug(), "slug is used by two files"));
            }
        }
        int[] counts = new int[3];
        return Flux.fromIterable(pieces)
                .concatMap(piece -> upsert(piece).doOnNext(outcome -> counts[outcome]++))
                .thenMany(mongo.find(
                        Query.query(
                                Criteria.where("_id").nin(slugs).and("status").is(ContentStatus.ACTIVE)),
                        ContentPiece.class))
                .concatMap(gone -> mongo.save(gone.stored(ContentStatus.RETIRED, gone.version() + 1, clock.instant())))
                .count()
                .map(retired -> new SyncReport(counts[0], counts[1], counts[2], retired));
    }

    // 0 = added, 1 = updated, 2 = unchanged
    private Mono<Integer> upsert(ContentPiece piece) {
        return mongo.findById(piece.slug(), ContentPiece.class)
                .map(existing -> {
                    if (existing.hash().equals(piece.hash()) && existing.active()) {
                        return Mono.just(2);
                    }
                    return mongo.save(piece.stored(ContentStatus.ACTIVE, existing.version() + 1, clock.instant()))
                            .thenReturn(1);
                })
                .defaultIfEmpty(Mono.defer(() -> mongo.insert(piece.stored(ContentStatus.ACTIVE, 1, clock.instant()))
                        .thenReturn(0)
                        // Another instance starting at the same moment inserted it first: same file, same piece.
                        .onErrorResume(DuplicateKeyException.class, sameTime -> Mono.just(2))))
                .flatMap(outcome -> outcome);
    }

    static List<ContentPiece> read(String pattern) {
        try {
            Resource[] resources = new PathMatchingResourcePatternResolver().getResources(pattern);
            var pieces = new ArrayList<ContentPiece>();
            for (Resource resource : resources) {
                String raw = resource.getContentAsString(StandardCharsets.UTF_8);
                pieces.add(LibraryParser.parse(String.valueOf(resource.getFilename()), raw));
            }
            return pieces;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the content library", e);
        }
    }
}
