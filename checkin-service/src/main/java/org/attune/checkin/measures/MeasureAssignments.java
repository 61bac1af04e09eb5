package org.attune.checkin.measures;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.attune.checkin.measures.MeasureAssignment.Phase;
import org.attune.checkin.measures.MeasureAssignment.Status;
import org.attune.events.AttuneEvent;
import org.attune.kit.outbox.Outbox;
import org.attune.kit.outbox.OutboxRelay;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The stored schedules; every change of state is a conditional single-document write carrying its event. */
@Component
class MeasureAssignments {

    private final ReactiveMongoTemplate mongo;
    private final OutboxRelay relay;

    MeasureAssignments(ReactiveMongoTemplate mongo, OutboxRelay relay) {
        this.mongo = mongo;
        this.relay = relay;
    }

    Mono<MeasureAssignment> insert(MeasureAssignment assignment) {
        return mongo.insert(assignment)
                .doOnNext(stored -> relay.publishSoon(MeasureAssignment.COLLECTION, stored.id(), stored.outbox()));
    }

    Mono<MeasureAssignment> find(String id) {
        return mongo.findById(id, MeasureAssignment.class);
    }

    /** A client's schedules that have not stopped, oldest first. */
    Flux<MeasureAssignment> ofClient(UUID clientId) {
        return mongo.find(
                query(where("clientId").is(clientId).and("status").ne(Status.STOPPED))
                        .with(Sort.by("assignedAt")),
                MeasureAssignment.class);
    }

    /** What one therapist scheduled for one client, stopped ones included (they say why: paused, declined, ended). */
    Flux<MeasureAssignment> ofPair(UUID clientId, UUID therapistId) {
        return mongo.find(
                query(where("clientId").is(clientId).and("therapistId").is(therapistId))
                        .with(Sort.by("assignedAt")),
                MeasureAssignment.class);
    }

    Mono<Boolean> scheduled(UUID clientId, UUID therapistId, String code) {
        return mongo.exists(
                query(where("clientId")
                        .is(clientId)
                        .and("therapistId")
                        .is(therapistId)
                        .and("code")
                        .is(code)
                        .and("status")
                        .ne(Status.STOPPED)),
                MeasureAssignment.class);
    }

    /** Active schedules with something to do now: a window to open or close, or an open one to look at. */
    Flux<MeasureAssignment> needingAttention(Instant now, int limit) {
        return mongo.find(
                query(where("status")
                                .is(Status.ACTIVE)
                                .orOperator(
                                        where("nextAt").lte(now), where("phase").is(Phase.OPEN)))
                        .limit(limit),
                MeasureAssignment.class);
    }

    /**
     * Applies {@code update} with its events only if the schedule is still exactly as {@code seen} (same status,
     * occurrence and phase); empty when another instance or request changed it first.
     */
    Mono<MeasureAssignment> move(
            MeasureAssignment seen, Update update, List<? extends AttuneEvent> events, Instant now) {
        Criteria unchanged = where("_id")
                .is(seen.id())
                .and("status")
                .is(seen.status())
                .and("index")
                .is(seen.index())
                .and("phase")
                .is(seen.phase());
        update.set("updatedAt", now);
        Outbox.append(update, now, events);
        return mongo.findAndModify(
                        query(unchanged),
                        update,
                        FindAndModifyOptions.options().returnNew(true),
                        MeasureAssignment.class)
                .doOnNext(moved -> relay.publishSoon(MeasureAssignment.COLLECTION, moved.id(), events));
    }

    Mono<Void> forget(UUID accountId) {
        return mongo.remove(
                        query(new Criteria()
                                .orOperator(
                                        where("clientId").is(accountId),
                                        where("therapistId").is(accountId))),
                        MeasureAssignment.class)
                .then();
    }
}
