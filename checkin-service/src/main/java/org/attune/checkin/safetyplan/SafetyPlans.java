package org.attune.checkin.safetyplan;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Safety plans and the therapists' suggestions for them. Every save is a new version; a version number is claimed
 * by inserting its document, so of two saves racing for the same number one gets the next. A save that names the
 * version it started from fails (409) if another save came in between, so nobody's edits are silently replaced.
 */
@Component
public class SafetyPlans {

    static final String CHANGED_MEANWHILE =
            "Your plan changed since you opened it (perhaps in another window). Please look at the latest version.";
    static final String NO_SUCH_SUGGESTION = "There is no such suggestion for your plan.";
    static final String ALREADY_ANSWERED = "This suggestion has already been answered.";
    private static final int ATTEMPTS = 5;

    private final ReactiveMongoTemplate mongo;
    private final Clock clock;

    SafetyPlans(ReactiveMongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
        mongo.indexOps(PlanVersion.COLLECTION)
                .createIndex(new Index().on("clientId", Sort.Direction.ASC).on("version", Sort.Direction.DESC))
                .onErrorResume(e -> Mono.empty())
                .subscribe();
        mongo.indexOps(Suggestion.COLLECTION)
                .createIndex(new Index().on("clientId", Sort.Direction.ASC).on("suggestedAt", Sort.Direction.DESC))
                .onErrorResume(e -> Mono.empty())
                .subscribe();
    }

    /** The plan as it stands; empty when the client has not written one. */
    Mono<PlanVersion> latest(UUID clientId) {
        return mongo.findOne(
                query(where("clientId").is(clientId))
                        .with(Sort.by(Sort.Direction.DESC, "version"))
                        .limit(1),
                PlanVersion.class);
    }

    /** Every version, newest first. */
    Flux<PlanVersion> versions(UUID clientId) {
        return mongo.find(
                query(where("clientId").is(clientId)).with(Sort.by(Sort.Direction.DESC, "version")), PlanVersion.class);
    }

    /**
     * Stores {@code sections} as the next version. With {@code basedOn}, only if that is still the latest version
     * (409 otherwise); without it, after whatever version is latest.
     */
    Mono<PlanVersion> save(UUID clientId, PlanSections sections, Integer basedOn, String acceptedSuggestion) {
        return save(clientId, sections, basedOn, acceptedSuggestion, ATTEMPTS);
    }

    private Mono<PlanVersion> save(
            UUID clientId, PlanSections sections, Integer basedOn, String acceptedSuggestion, int attempts) {
        return latest(clientId).map(PlanVersion::version).defaultIfEmpty(0).flatMap(current -> {
            if (basedOn != null && basedOn != current) {
                return Mono.error(new ResponseStatusException(HttpStatus.CONFLICT, CHANGED_MEANWHILE));
            }
            var next = current + 1;
            var version = new PlanVersion(
                    PlanVersion.idOf(clientId, next), clientId, next, sections, now(), acceptedSuggestion);
            return mongo.insert(version).onErrorResume(DuplicateKeyException.class, taken -> {
                if (basedOn != null) {
                    return Mono.error(new ResponseStatusException(HttpStatus.CONFLICT, CHANGED_MEANWHILE));
                }
                return attempts > 1
                        ? save(clientId, sections, null, acceptedSuggestion, attempts - 1)
                        : Mono.error(new ResponseStatusException(HttpStatus.CONFLICT, CHANGED_MEANWHILE));
            });
        });
    }

    Mono<Suggestion> suggest(
            UUID clientId, UUID therapistId, SafetyPlanSection section, List<String> entries, String note) {
        return latest(clientId)
                .map(PlanVersion::version)
                .defaultIfEmpty(0)
                .flatMap(current -> mongo.insert(new Suggestion(
                        UUID.randomUUID().toString(),
                        clientId,
                        therapistId,
                        section,
                        entries,
                        note == null || note.isBlank() ? null : note.strip(),
                        current,
                        now(),
                        Suggestion.Status.OPEN,
                        null,
                        null)));
    }

    /** The client's open suggestions, oldest first (the order they came in). */
    Flux<Suggestion> openFor(UUID clientId) {
        return mongo.find(
                query(where("clientId").is(clientId).and("status").is(Suggestion.Status.OPEN))
                        .with(Sort.by(Sort.Direction.ASC, "suggestedAt")),
                Suggestion.class);
    }

    /** A therapist's suggestions for this client, newest first, with what became of each. */
    Flux<Suggestion> byTherapist(UUID clientId, UUID therapistId) {
        return mongo.find(
                query(where("clientId").is(clientId).and("therapistId").is(therapistId))
                        .with(Sort.by(Sort.Direction.DESC, "suggestedAt")),
                Suggestion.class);
    }

    /**
     * Takes the suggestion into a new version of the plan. The suggestion is claimed first (a conditional update),
     * so accepting twice makes one version; should the version not be stored, the suggestion is open again.
     */
    Mono<PlanVersion> accept(UUID clientId, String suggestionId) {
        return decide(clientId, suggestionId, Suggestion.Status.ACCEPTED)
                .flatMap(suggestion -> latest(clientId)
                        .map(PlanVersion::sections)
                        .defaultIfEmpty(PlanSections.EMPTY)
                        .flatMap(current -> save(
                                clientId,
                                current.with(suggestion.section(), suggestion.entries()),
                                null,
                                suggestion.id()))
                        .flatMap(version -> mongo.updateFirst(
                                        query(where("_id").is(suggestion.id())),
                                        new Update().set("acceptedAsVersion", version.version()),
                                        Suggestion.class)
                                .thenReturn(version))
                        .onErrorResume(
                                e -> !(e instanceof ResponseStatusException),
                                e -> reopen(suggestion.id()).then(Mono.error(e))));
    }

    Mono<Suggestion> decline(UUID clientId, String suggestionId) {
        return decide(clientId, suggestionId, Suggestion.Status.DECLINED);
    }

    private Mono<Suggestion> decide(UUID clientId, String suggestionId, Suggestion.Status status) {
        var mine = new Criteria()
                .andOperator(where("_id").is(suggestionId), where("clientId").is(clientId));
        var open = new Criteria()
                .andOperator(
                        where("_id").is(suggestionId),
                        where("clientId").is(clientId),
                        where("status").is(Suggestion.Status.OPEN));
        return mongo.findAndModify(
                        query(open),
                        new Update().set("status", status).set("decidedAt", now()),
                        FindAndModifyOptions.options().returnNew(true),
                        Suggestion.class)
                .switchIfEmpty(Mono.defer(() -> mongo.exists(query(mine), Suggestion.class)
                        .flatMap(exists -> Mono.error(
                                exists
                                        ? new ResponseStatusException(HttpStatus.CONFLICT, ALREADY_ANSWERED)
                                        : new ResponseStatusException(HttpStatus.NOT_FOUND, NO_SUCH_SUGGESTION)))));
    }

    private Mono<Void> reopen(String suggestionId) {
        return mongo.updateFirst(
                        query(where("_id").is(suggestionId)),
                        new Update().set("status", Suggestion.Status.OPEN).unset("decidedAt"),
                        Suggestion.class)
                .then();
    }

    /** Everything about the client's plan, oldest first, for their export. */
    public Mono<SafetyPlanExport> exportOf(UUID clientId) {
        return Mono.zip(
                        mongo.find(
                                        query(where("clientId").is(clientId))
                                                .with(Sort.by(Sort.Direction.ASC, "version")),
                                        PlanVersion.class)
                                .map(v -> new SafetyPlanExport.Version(
                                        v.version(), v.savedAt(), v.sections(), v.acceptedSuggestion()))
                                .collectList(),
                        mongo.find(
                                        query(where("clientId").is(clientId))
                                                .with(Sort.by(Sort.Direction.ASC, "suggestedAt")),
                                        Suggestion.class)
                                .map(s -> new SafetyPlanExport.Suggestion(
                                        s.id(),
                                        s.therapistId(),
                                        s.section().name(),
                                        s.entries(),
                                        s.note(),
                                        s.basedOnVersion(),
                                        s.suggestedAt(),
                                        s.status().name(),
                                        s.decidedAt(),
                                        s.acceptedAsVersion()))
                                .collectList())
                .map(t -> new SafetyPlanExport(t.getT1(), t.getT2()));
    }

    /** The client's plan and every suggestion for it go; an erased therapist's name leaves their suggestions. */
    Mono<Void> erase(UUID accountId) {
        return mongo.remove(query(where("clientId").is(accountId)), PlanVersion.COLLECTION)
                .then(mongo.remove(query(where("clientId").is(accountId)), Suggestion.COLLECTION))
                .then(mongo.updateMulti(
                        query(where("therapistId").is(accountId)),
                        new Update().unset("therapistId"),
                        Suggestion.COLLECTION))
                .then();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
