package org.attune.notification.sessions;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.attune.events.DataClass;
import org.attune.kit.consent.TherapistAccess;
import org.attune.kit.security.Caller;
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
 * The client's session rhythm, set by the client or by a therapist the client shares it with; the merge itself is
 * {@link ScheduleChanges}'s.
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

    /** The data class under which a client shares their session schedule with a therapist. */
    static final DataClass SHARED_AS = DataClass.SESSION_FEEDBACK;

    static final String RESOURCE = "session-schedule";

    private final ScheduleChanges changes;
    private final TherapistAccess access;
    private final Clock clock;

    SessionScheduleController(ScheduleChanges changes, TherapistAccess access, Clock clock) {
        this.changes = changes;
        this.access = access;
        this.clock = clock;
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
        return client.flatMap(changes::find)
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
        return client.flatMap(clientId -> changes.merge(clientId, caller.id(), therapistId, request, 0));
    }
}
