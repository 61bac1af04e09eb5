package org.attune.notification.sessions;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.attune.events.AttuneEvent;
import org.attune.events.SessionScheduled;
import org.attune.kit.outbox.Outbox;
import org.attune.kit.outbox.OutboxRelay;
import org.attune.kit.web.FieldRules;
import org.attune.notification.sessions.SessionScheduleController.ScheduleResponse;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;

/**
 * Changes to a client's session schedule as merges: the stored schedule with the change's present fields laid over
 * it, written only if nobody wrote in between, with the {@code SessionScheduled} event in the same write (outbox), so
 * a crash cannot lose it.
 */
@Component
class ScheduleChanges {

    static final String COLLECTION = SessionSchedules.COLLECTION;

    private final ReactiveMongoTemplate mongo;
    private final OutboxRelay relay;
    private final Clock clock;

    ScheduleChanges(ReactiveMongoTemplate mongo, OutboxRelay relay, Clock clock) {
        this.mongo = mongo;
        this.relay = relay;
        this.clock = clock;
    }

    /** The stored schedule of a client, if any. */
    Mono<StoredSchedule> find(UUID clientId) {
        return mongo.findById(clientId.toString(), StoredSchedule.class, COLLECTION);
    }

    /** The schedule as it is after a change: the stored one with the request's present fields laid over it. */
    record Merged(
            String timeZone,
            DayOfWeek weeklyDay,
            String weeklyTime,
            List<Instant> oneOffStarts,
            Integer durationMinutes,
            String therapistId) {

        static Merged of(StoredSchedule stored, ScheduleRequest r, UUID therapistId) {
            var before = stored == null ? new StoredSchedule(null, null, null, null, null, null, null, null) : stored;
            return new Merged(
                    r.has("timeZone") ? r.getTimeZone() : before.timeZone(),
                    r.has("weeklyDay") ? r.getWeeklyDay() : before.weeklyDay(),
                    r.has("weeklyTime") ? r.getWeeklyTime() : before.weeklyTime(),
                    r.has("oneOffStarts")
                            ? (r.getOneOffStarts() == null ? List.of() : List.copyOf(r.getOneOffStarts()))
                            : (before.oneOffStarts() == null ? List.of() : List.copyOf(before.oneOffStarts())),
                    r.has("durationMinutes") ? r.getDurationMinutes() : before.durationMinutes(),
                    // A client's change keeps the therapist the sessions are with; a therapist's names them.
                    therapistId != null ? therapistId.toString() : before.therapistId());
        }

        /** The rules for the whole schedule, checked after merging so a partial change is judged by its result. */
        void check() {
            var rules = new FieldRules();
            if (timeZone == null || timeZone.isBlank()) {
                rules.add("timeZone", "is required");
            } else {
                try {
                    ZoneId.of(timeZone);
                } catch (DateTimeException e) {
                    rules.add("timeZoneValid", "must be a valid IANA time zone such as Europe/London");
                }
            }
            if ((weeklyDay == null) != (weeklyTime == null)) {
                rules.add("weeklyComplete", "weeklyDay and weeklyTime go together");
            }
            rules.required("durationMinutes", durationMinutes);
            rules.throwIfAny();
        }
    }

    /** The stored schedule as {@link #write} writes it (its outbox and bookkeeping fields are not read). */
    record StoredSchedule(
            @Id String id,
            String scheduleId,
            String timeZone,
            DayOfWeek weeklyDay,
            String weeklyTime,
            List<Instant> oneOffStarts,
            Integer durationMinutes,
            String therapistId) {}

    /**
     * Reads the stored schedule, lays the change over it and writes the result only if nobody wrote in between (each
     * write gives the schedule a new {@code scheduleId}); otherwise reads again. Single-document atomicity is all this
     * needs, so it holds on every MongoDB-protocol store.
     */
    Mono<ScheduleResponse> merge(UUID clientId, UUID caller, UUID therapistId, ScheduleRequest r, int tries) {
        return mongo.findById(clientId.toString(), StoredSchedule.class, COLLECTION)
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .flatMap(stored -> {
                    var merged = Merged.of(stored.orElse(null), r, therapistId);
                    merged.check();
                    return write(
                            clientId,
                            caller,
                            stored.map(StoredSchedule::scheduleId).orElse(null),
                            merged);
                })
                .switchIfEmpty(Mono.defer(() -> {
                    if (tries >= 5) {
                        return Mono.error(new ResponseStatusException(
                                HttpStatus.CONFLICT, "The schedule changed at the same moment. Please try again."));
                    }
                    return merge(clientId, caller, therapistId, r, tries + 1);
                }));
    }

    /** Writes the merged schedule if it is still the one read ({@code expected}); empty when it was not. */
    private Mono<ScheduleResponse> write(UUID clientId, UUID caller, String expected, Merged m) {
        var scheduleId = UUID.randomUUID();
        var therapist = m.therapistId() == null ? null : UUID.fromString(m.therapistId());
        var event = new SessionScheduled(
                UUID.randomUUID(),
                clock.instant(),
                AttuneEvent.CURRENT_SCHEMA_VERSION,
                clientId,
                scheduleId,
                caller,
                m.timeZone(),
                m.weeklyDay(),
                m.weeklyTime() == null ? null : LocalTime.parse(m.weeklyTime()),
                m.oneOffStarts(),
                m.durationMinutes(),
                therapist);
        var update = new Update()
                .set("scheduleId", scheduleId.toString())
                .set("scheduledBy", caller.toString())
                .set("timeZone", m.timeZone())
                .set("weeklyDay", m.weeklyDay())
                .set("weeklyTime", m.weeklyTime())
                .set("oneOffStarts", m.oneOffStarts())
                .set("durationMinutes", m.durationMinutes())
                .set("therapistId", m.therapistId())
                .set("updatedAt", event.occurredAt());
        Outbox.append(update, event.occurredAt(), List.of(event));
        var id = clientId.toString();
        // Matches only the schedule that was read (each write gives it a new scheduleId). For the first one there is
        // none: the upsert inserts, and a concurrent first write makes it a duplicate key, after which the merge
        // reads again.
        var unchanged = Query.query(where("_id").is(id).and("scheduleId").is(expected));
        Mono<Boolean> written = mongo.upsert(unchanged, update, COLLECTION)
                .map(result -> result.getMatchedCount() == 1 || result.getUpsertedId() != null)
                .onErrorResume(DuplicateKeyException.class, raced -> Mono.just(false));
        return written.filter(Boolean::booleanValue)
                .doOnNext(stored -> relay.publishSoon(COLLECTION, id, List.of(event)))
                .map(stored -> ScheduleResponse.of(
                        scheduleId,
                        clientId,
                        m.timeZone(),
                        m.weeklyDay(),
                        m.weeklyTime(),
                        m.oneOffStarts(),
                        m.durationMinutes(),
                        therapist,
                        event.occurredAt()));
    }
}
