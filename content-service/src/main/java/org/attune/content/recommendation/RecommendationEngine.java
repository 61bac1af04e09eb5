package org.attune.content.recommendation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.attune.content.engagement.Engagements;
import org.attune.content.library.ContentPiece;
import org.attune.content.library.Library;
import org.attune.events.AttuneEvent;
import org.attune.events.ContentRecommended;
import org.attune.kit.outbox.Outbox;
import org.attune.kit.outbox.OutboxRelay;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Turns an event into recommendations by the rules, within the limits: at most {@value #DAILY_LIMIT} a day per
 * client, never the same piece twice in {@value #REPEAT_DAYS} days, NOT_HELPFUL pieces last. Pinned rules (the
 * crisis piece) skip every limit.
 */
@Component
class RecommendationEngine {

    static final int DAILY_LIMIT = 2;
    static final int REPEAT_DAYS = 7;

    private final ReactiveMongoTemplate mongo;
    private final RecommendationRules rules;
    private final Library library;
    private final Engagements engagements;
    private final OutboxRelay relay;
    private final Clock clock;

    RecommendationEngine(
            ReactiveMongoTemplate mongo,
            RecommendationRules rules,
            Library library,
            Engagements engagements,
            OutboxRelay relay,
            Clock clock) {
        this.mongo = mongo;
        this.rules = rules;
        this.library = library;
        this.engagements = engagements;
        this.relay = relay;
        this.clock = clock;
    }

    /** Applies every matching rule in file order; emits the recommendations made. Safe to run twice per event. */
    Flux<Recommendation> consider(AttuneEvent event) {
        return Flux.fromIterable(rules.matching(event)).concatMap(rule -> apply(rule, event));
    }

    private Mono<Recommendation> apply(RecommendationRules.Rule rule, AttuneEvent event) {
        UUID clientId = event.clientId();
        Query already = Query.query(Criteria.where("clientId")
                .is(clientId.toString())
                .and("triggerEventId")
                .is(event.eventId().toString())
                .and("ruleId")
                .is(rule.id()));
        return mongo.exists(already, Recommendation.class).flatMap(done -> {
            if (done) {
                return Mono.empty();
            }
            return rule.pinned() ? pin(rule, event) : offer(rule, event);
        });
    }

    private Mono<Recommendation> pin(RecommendationRules.Rule rule, AttuneEvent event) {
        return Flux.fromIterable(rule.recommend())
                .concatMap(library::active)
                .next()
                .flatMap(piece -> store(
                        "pinned:" + event.eventId() + ":" + rule.id(), rule, event, piece, clock.instant(), true));
    }

    private Mono<Recommendation> offer(RecommendationRules.Rule rule, AttuneEvent event) {
        UUID clientId = event.clientId();
        Instant now = clock.instant();
        Query recent = Query.query(Criteria.where("clientId")
                .is(clientId.toString())
                .and("createdAt")
                .gt(now.minus(Duration.ofDays(REPEAT_DAYS))));
        Mono<Set<String>> recentSlugs = mongo.find(recent, Recommendation.class)
                .map(Recommendation::slug)
                .collect(java.util.stream.Collectors.toSet());
        return Mono.zip(recentSlugs, engagements.notHelpful(clientId)).flatMap(known -> {
            var preferred = new ArrayList<String>();
            var demoted = new ArrayList<String>();
            for (String slug : rule.recommend()) {
                if (known.getT1().contains(slug)) {
                    continue;
                }
                (known.getT2().contains(slug) ? demoted : preferred).add(slug);
            }
            preferred.addAll(demoted);
            return Flux.fromIterable(preferred)
                    .concatMap(library::active)
                    .next()
                    .flatMap(piece -> takeSlot(rule, event, piece, now, 1));
        });
    }

    private Mono<Recommendation> takeSlot(
            RecommendationRules.Rule rule, AttuneEvent event, ContentPiece piece, Instant now, int slot) {
        if (slot > DAILY_LIMIT) {
            return Mono.empty();
        }
        String day = LocalDate.ofInstant(now, ZoneOffset.UTC).toString();
        String id = event.clientId() + ":" + day + ":" + slot;
        return store(id, rule, event, piece, now, false)
                .onErrorResume(DuplicateKeyException.class, taken -> takeSlot(rule, event, piece, now, slot + 1));
    }

    private Mono<Recommendation> store(
            String id,
            RecommendationRules.Rule rule,
            AttuneEvent event,
            ContentPiece piece,
            Instant now,
            boolean pinned) {
        UUID recommendationId = UUID.nameUUIDFromBytes(id.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        String reason = rule.reasonFor(piece.title(), piece.minutes());
        var published = new ContentRecommended(
                UUID.randomUUID(),
                now,
                AttuneEvent.CURRENT_SCHEMA_VERSION,
                event.clientId(),
                recommendationId,
                piece.slug(),
                piece.title(),
                reason,
                rule.id(),
                pinned,
                event.eventId());
        var recommendation = new Recommendation(
                id,
                recommendationId.toString(),
                event.clientId().toString(),
                piece.slug(),
                piece.title(),
                reason,
                rule.id(),
                pinned,
                event.eventId().toString(),
                LocalDate.ofInstant(now, ZoneOffset.UTC).toString(),
                now,
                Outbox.of(now, List.of(published)),
                null);
        return mongo.insert(recommendation)
                .flatMap(saved -> relay.publishNow(
                                "recommendations", saved.id(), saved.outbox().events())
                        .thenReturn(saved))
                .onErrorResume(DuplicateKeyException.class, repeat -> pinned ? Mono.empty() : Mono.error(repeat));
    }

    /** Takes a recommendation off the client's list; empty when the client has no such recommendation. */
    Mono<Recommendation> dismiss(UUID clientId, String recommendationId) {
        return mongo.findAndModify(
                Query.query(Criteria.where("clientId")
                        .is(clientId.toString())
                        .and("recommendationId")
                        .is(recommendationId)),
                new org.springframework.data.mongodb.core.query.Update().set("dismissedAt", clock.instant()),
                Recommendation.class);
    }

    /** The client's list: pinned pieces first (newest pin per piece), then recent ones, NOT_HELPFUL ones last. */
    Mono<List<Recommendation>> listFor(UUID clientId) {
        Instant since = clock.instant().minus(Duration.ofDays(REPEAT_DAYS));
        Query query = Query.query(new Criteria()
                .andOperator(
                        Criteria.where("clientId").is(clientId.toString()),
                        new Criteria()
                                .orOperator(
                                        Criteria.where("pinned").is(true),
                                        Criteria.where("createdAt").gt(since))));
        return Mono.zip(mongo.find(query, Recommendation.class).collectList(), engagements.notHelpful(clientId))
                .map(found -> {
                    var all = new ArrayList<>(found.getT1());
                    all.sort(java.util.Comparator.comparing(Recommendation::createdAt)
                            .reversed());
                    var pinnedSlugs = new java.util.HashSet<String>();
                    var pinned = new ArrayList<Recommendation>();
                    var helpful = new ArrayList<Recommendation>();
                    var demoted = new ArrayList<Recommendation>();
                    for (var r : all) {
                        if (r.dismissedAt() != null) {
                            continue;
                        }
                        if (r.pinned()) {
                            if (pinnedSlugs.add(r.slug())) {
                                pinned.add(r);
                            }
                        } else if (found.getT2().contains(r.slug())) {
                            demoted.add(r);
                        } else {
                            helpful.add(r);
                        }
                    }
                    var list = new ArrayList<Recommendation>(pinned);
                    list.addAll(helpful);
                    list.addAll(demoted);
                    return List.copyOf(list);
                });
    }
}
