package org.attune.notification.sessions;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.attune.events.AttuneEvent;
import org.attune.events.DataClass;
import org.attune.events.SessionScheduled;
import org.attune.kit.consent.TherapistAccess;
import org.attune.kit.outbox.Outbox;
import org.attune.kit.outbox.OutboxRelay;
import org.attune.kit.security.Caller;
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

    record ScheduleRequest(
            UUID clientId,
            @NotBlank @Size(max = 64) String timeZone,
            DayOfWeek weeklyDay,

            @Pattern(regexp = "([01]\\d|2[0-3]):[0-5]\\d", message = "must be a time like 14:00")
            String weeklyTime,

            @Size(max = 52) List<@NotNull Instant> oneOffStarts,
            @NotNull @Min(10) @Max(240) Integer durationMinutes) {

        @AssertTrue(message = "must be a valid IANA time zone such as Europe/London")
        boolean isTimeZoneValid() {
            if (timeZone == null || timeZone.isBlank()) {
                return true;
            }
            try {
                ZoneId.of(timeZone);
                return true;
            } catch (DateTimeException e) {
                return false;
            }
        }

        @AssertTrue(message = "weeklyDay and weeklyTime go together")
        boolean isWeeklyComplete() {
            return (weeklyDay == null) == (weeklyTime == null);
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

    /** Sets the schedule: a client their own, a therapist that of a client who shares {@link #SHARED_AS} (logged). */
    @Operation(summary = "Set the weekly and one-off session times; a therapist names a client who shares them")
    @PutMapping
    Mono<ScheduleResponse> put(@AuthenticationPrincipal Jwt jwt, @Valid @RequestBody ScheduleRequest request) {
        var caller = Caller.of(jwt);
        Mono<UUID> client;
        UUID therapistId;
        if (caller.isTherapist()) {
            if (request.clientId() == null) {
                return Mono.error(forbidden());
            }
            therapistId = caller.id();
            client = access.read(caller.id(), request.clientId(), SHARED_AS, RESOURCE + "/set")
                    .thenReturn(request.clientId());
        } else {
            if (request.clientId() != null && !request.clientId().equals(caller.id())) {
                return Mono.error(forbidden());
            }
            therapistId = null;
            client = Mono.just(caller.id());
        }
        return client.flatMap(clientId -> store(clientId, caller.id(), therapistId, request));
    }

    private Mono<ScheduleResponse> store(UUID clientId, UUID caller, UUID therapistId, ScheduleRequest r) {
        var scheduleId = UUID.randomUUID();
        var oneOffs = r.oneOffStarts() == null ? List.<Instant>of() : List.copyOf(r.oneOffStarts());
        var event = new SessionScheduled(
                UUID.randomUUID(),
                clock.instant(),
                AttuneEvent.CURRENT_SCHEMA_VERSION,
                clientId,
                scheduleId,
                caller,
                r.timeZone(),
                r.weeklyDay(),
                r.weeklyTime() == null ? null : LocalTime.parse(r.weeklyTime()),
                oneOffs,
                r.durationMinutes(),
                therapistId);
        var update = new Update()
                .set("scheduleId", scheduleId.toString())
                .set("scheduledBy", caller.toString())
                .set("timeZone", r.timeZone())
                .set("weeklyDay", r.weeklyDay())
                .set("weeklyTime", r.weeklyTime())
                .set("oneOffStarts", oneOffs)
                .set("durationMinutes", r.durationMinutes())
                .set("therapistId", therapistId == null ? null : therapistId.toString())
                .set("updatedAt", event.occurredAt());
        Outbox.append(update, event.occurredAt(), List.of(event));
        return mongo.upsert(
                        Query.query(where("_id").is(clientId.toString())), update, org.bson.Document.class, COLLECTION)
                .doOnSuccess(stored -> relay.publishSoon(COLLECTION, clientId.toString(), List.of(event)))
                .thenReturn(ScheduleResponse.of(
                        scheduleId,
                        clientId,
                        r.timeZone(),
                        r.weeklyDay(),
                        r.weeklyTime(),
                        oneOffs,
                        r.durationMinutes(),
                        therapistId,
                        event.occurredAt()));
    }
}
