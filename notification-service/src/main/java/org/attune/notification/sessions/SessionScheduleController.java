package org.attune.notification.sessions;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.attune.events.AttuneEvent;
import org.attune.events.DataClass;
import org.attune.events.SessionScheduled;
import org.attune.kit.consent.TherapistAccess;
import org.attune.kit.outbox.Outbox;
import org.attune.kit.outbox.OutboxRelay;
import org.attune.kit.security.Caller;
import org.attune.kit.web.FieldRules;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;

/**
 * The client's session rhythm, set by the client or by a therapist the client shares it with. The schedule document
 * stores the {@code SessionScheduled} event it publishes (outbox), so a crash cannot lose it.
 *
 * <p>A therapist reads or sets a client's schedule only under an active grant that includes {@link #SHARED_AS
 * SESSION_FEEDBACK}, and every such read is in the client's access log. The schedule is the frame of the sessions
 * themselves: when client and therapist meet, and so when the "how did today's session feel" check is asked. A client
 * who shares their session feedback has invited the therapist into how their sessions go, and would expect the
 * session times to come with it. The other classes would not fit: safety alerts are a channel for a crisis and may be
 * shared with someone who is not the client's session therapist; mood check-ins, scores, notes and content activity
 * are the client's life between sessions, not the appointment.
 */
@RestController
@RequestMapping("/api/v1/session-schedule")
class SessionScheduleController {

    static final String COLLECTION = SessionSchedules.COLLECTION;

    /** The data class under which a client shares their session schedule with a therapist. */
    static final DataClass SHARED_AS = DataClass.SESSION_FEEDBACK;

    static final String RESOURCE = "session-schedule";

    private final ReactiveMongoTemplate mongo;
    private final TherapistAccess access;
    private final OutboxRelay relay;
    private final Clock clock;

    SessionScheduleController(ReactiveMongoTemplate mongo, TherapistAccess access, OutboxRelay relay, Clock clock) {
        this.mongo = mongo;
        this.access = access;
        this.relay = relay;
        this.clock = clock;
    }

    /**
     * A change to the schedule. Only the fields present in the request change; a field left out keeps its stored
     * value, and a field sent as null clears it (so {@code "weeklyDay": null, "weeklyTime": null} ends the weekly
     * rhythm and leaves the single sessions alone). Jackson calls a setter only for a property in the JSON, which is
     * how presence is known.
     */
    static final class ScheduleRequest {

        private final Set<String> present = new HashSet<>();

        private UUID clientId;

        @Size(max = 64)
        private String timeZone;

        private DayOfWeek weeklyDay;

        @Pattern(regexp = "([01]\\d|2[0-3]):[0-5]\\d", message = "must be a time like 14:00")
        private String weeklyTime;

        @Size(max = 52)
        private List<@NotNull Instant> oneOffStarts;

        @Min(10)
        @Max(240)
        private Integer durationMinutes;

        ScheduleRequest() {}

        public UUID getClientId() {
            return clientId;
        }

        public void setClientId(UUID clientId) {
            this.clientId = clientId;
        }

        public String getTimeZone() {
            return timeZone;
        }

        public void setTimeZone(String timeZone) {
            this.timeZone = timeZone;
            present.add("timeZone");
        }

        public DayOfWeek getWeeklyDay() {
            return weeklyDay;
        }

        public void setWeeklyDay(DayOfWeek weeklyDay) {
            this.weeklyDay = weeklyDay;
            present.add("weeklyDay");
        }

        public String getWeeklyTime() {
            return weeklyTime;
        }

        public void setWeeklyTime(String weeklyTime) {
            this.weeklyTime = weeklyTime;
            present.add("weeklyTime");
        }

        public List<Instant> getOneOffStarts() {
            return oneOffStarts;
        }

        public void setOneOffStarts(List<Instant> oneOffStarts) {
            this.oneOffStarts = oneOffStarts;
            present.add("oneOffStarts");
        }

        public Integer getDurationMinutes() {
            return durationMinutes;
        }

        public void setDurationMinutes(Integer durationMinutes) {
            this.durationMinutes = durationMinutes;
            present.add("durationMinutes");
        }

        boolean has(String field) {
            return present.contains(field);
        }
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

    record ScheduleResponse(
            UUID scheduleId,
            UUID clientId,
            String timeZone,
            DayOfWeek weeklyDay,
            String weeklyTime,
            List<Instant> oneOffStarts,
            int durationMinutes,
            UUID therapistId,
            Instant nextSessionAt) {

        static ScheduleResponse of(
                UUID scheduleId,
                UUID clientId,
                String timeZone,
                DayOfWeek weeklyDay,
                String weeklyTime,
                List<Instant> oneOffStarts,
                int durationMinutes,
                UUID therapistId,
                Instant now) {
            var next = SessionPlanner.nextStart(now, timeZone, weeklyDay, weeklyTime, oneOffStarts)
                    .orElse(null);
            return new ScheduleResponse(
                    scheduleId,
                    clientId,
                    timeZone,
                    weeklyDay,
                    weeklyTime,
                    oneOffStarts,
                    durationMinutes,
                    therapistId,
                    next);
        }
    }

    /** The stored schedule as {@link #store} writes it (its outbox and bookkeeping fields are not read). */
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
     * The current schedule: a client's own (no {@code clientId}, or their own id), or, for a therapist, that of a
     * client who shares {@link #SHARED_AS} with them (logged). Anyone else gets the same 403 whether or not the client
     * exists; 404 when there is no schedule yet.
     */
    @Operation(
            summary = "The session schedule and the next session start: the client's own, or a sharing client's for a"
                    + " therapist")
    @GetMapping
    Mono<ScheduleResponse> get(@AuthenticationPrincipal Jwt jwt, @RequestParam(required = false) UUID clientId) {
        var caller = Caller.of(jwt);
        Mono<UUID> client;
        if (caller.isTherapist()) {
            if (clientId == null) {
                return Mono.error(forbidden());
            }
            client = access.read(caller.id(), clientId, SHARED_AS, RESOURCE).thenReturn(clientId);
        } else {
            if (clientId != null && !clientId.equals(caller.id())) {
                return Mono.error(forbidden());
            }
            client = Mono.just(caller.id());
        }
        return client.flatMap(id -> mongo.findById(id.toString(), StoredSchedule.class, COLLECTION))
                .map(s -> ScheduleResponse.of(
                        UUID.fromString(s.scheduleId()),
                        UUID.fromString(s.id()),
                        s.timeZone(),
                        s.weeklyDay(),
                        s.weeklyTime(),
                        s.oneOffStarts() == null ? List.of() : List.copyOf(s.oneOffStarts()),
                        s.durationMinutes() == null ? 0 : s.durationMinutes(),
                        s.therapistId() == null ? null : UUID.fromString(s.therapistId()),
                        clock.instant()))
                .switchIfEmpty(Mono.error(new ResponseStatusException(
                        HttpStatus.NOT_FOUND, "There is no session rhythm yet. It appears here once one is set.")));
    }

    private static ResponseStatusException forbidden() {
        return new ResponseStatusException(HttpStatus.FORBIDDEN, "This is not available to you.");
    }

    /**
     * Changes the schedule: a client their own, a therapist that of a client who shares {@link #SHARED_AS} (logged).
     * Only the fields in the request change, so a client saving their weekly rhythm keeps the single sessions their
     * therapist set, and the other way round.
     */
    @Operation(
            summary = "Change the weekly and one-off session times (only the fields sent); a therapist names a client"
                    + " who shares them")
    @PutMapping
    Mono<ScheduleResponse> put(@AuthenticationPrincipal Jwt jwt, @Valid @RequestBody ScheduleRequest request) {
        var caller = Caller.of(jwt);
        Mono<UUID> client;
        UUID therapistId;
        if (caller.isTherapist()) {
            if (request.getClientId() == null) {
                return Mono.error(forbidden());
            }
            therapistId = caller.id();
            client = access.read(caller.id(), request.getClientId(), SHARED_AS, RESOURCE + "/set")
                    .thenReturn(request.getClientId());
        } else {
            if (request.getClientId() != null && !request.getClientId().equals(caller.id())) {
                return Mono.error(forbidden());
            }
            therapistId = null;
            client = Mono.just(caller.id());
        }
        return client.flatMap(clientId -> merge(clientId, caller.id(), therapistId, request, 0));
    }

    /**
     * Reads the stored schedule, lays the change over it and writes the result only if nobody wrote in between (each
     * write gives the schedule a new {@code scheduleId}); otherwise reads again. Single-document atomicity is all this
     * needs, so it holds on every MongoDB-protocol store.
     */
    private Mono<ScheduleResponse> merge(UUID clientId, UUID caller, UUID therapistId, ScheduleRequest r, int tries) {
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
