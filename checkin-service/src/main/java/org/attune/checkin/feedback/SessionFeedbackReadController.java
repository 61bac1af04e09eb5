package org.attune.checkin.feedback;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.attune.checkin.web.Paging;
import org.attune.events.DataClass;
import org.attune.events.RuptureReason;
import org.attune.kit.access.AccessLog;
import org.attune.kit.consent.TherapistAccess;
import org.attune.kit.outbox.OutboxRelay;
import org.attune.kit.security.Caller;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;

/**
 * Reading session connection checks: the client their own (with their words, and whether they shared them), a
 * therapist with SESSION_FEEDBACK the client's checks with the words only where the client shared them. The client
 * can share the words of a check later.
 */
@RestController
class SessionFeedbackReadController {

    static final String RESOURCE = "session-feedback";
    static final String NOT_FOUND = "There is no such session check among yours.";

    private final SessionFeedbackStore store;
    private final TherapistAccess access;
    private final AccessLog accessLog;
    private final OutboxRelay relay;
    private final Clock clock;

    SessionFeedbackReadController(
            SessionFeedbackStore store, TherapistAccess access, AccessLog accessLog, OutboxRelay relay, Clock clock) {
        this.store = store;
        this.access = access;
        this.accessLog = accessLog;
        this.relay = relay;
        this.clock = clock;
    }

    /**
     * One check. {@code reason} is null without a rupture signal; {@code comment} is the client's words (for a
     * therapist: only when shared, else null); {@code commentShared} is in the client's own view only.
     */
    record Entry(
            String id,
            LocalDate sessionDate,
            Instant recordedAt,
            int heard,
            int goals,
            int approach,
            int overall,
            int total,
            int maxTotal,
            boolean ruptureSignal,
            RuptureReason reason,
            String comment,
            @JsonInclude(JsonInclude.Include.NON_NULL) Boolean commentShared) {

        static Entry own(SessionFeedback f) {
            return of(f, f.text(), f.sharedWithTherapist());
        }

        static Entry forTherapist(SessionFeedback f) {
            return of(f, f.sharedWithTherapist() ? f.text() : null, null);
        }

        private static Entry of(SessionFeedback f, String comment, Boolean commentShared) {
            return new Entry(
                    f.id(),
                    f.sessionDate(),
                    f.recordedAt(),
                    f.heard(),
                    f.goals(),
                    f.approach(),
                    f.overall(),
                    f.total(),
                    f.maxTotal(),
                    f.ruptureSignal(),
                    f.ruptureReason(),
                    comment,
                    commentShared);
        }
    }

    /** The caller's own checks recorded from {@code from} to {@code to} (UTC days, inclusive), newest first. */
    @Operation(summary = "The caller's own session connection checks, newest first")
    @GetMapping("/api/v1/session-feedback")
    Mono<List<Entry>> own(
            @AuthenticationPrincipal Jwt jwt,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        Paging.checkRange(from, to);
        return store.newestFirst(Caller.of(jwt).id(), start(from), end(to))
                .map(Entry::own)
                .collectList();
    }

    /**
     * Shares the words of one of the caller's own checks with their therapist; repeating it changes nothing. The first
     * share publishes {@code SessionFeedbackShared} with the words, so the therapist's repair prompt can show them.
     */
    @Operation(summary = "Share the words of one of the caller's own checks with their therapist")
    @PostMapping("/api/v1/session-feedback/{id}/share")
    Mono<Entry> share(@AuthenticationPrincipal Jwt jwt, @PathVariable String id) {
        var now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        return store.shareComment(Caller.of(jwt).id(), id, now)
                .doOnNext(shared -> relay.publishSoon(SessionFeedback.COLLECTION, id, shared.published()))
                .map(shared -> Entry.own(shared.feedback()))
                .switchIfEmpty(Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND, NOT_FOUND)));
    }

    @Operation(summary = "A client's session connection checks, for a therapist with SESSION_FEEDBACK (access-logged)")
    @GetMapping("/api/v1/clients/{clientId}/session-feedback")
    Mono<List<Entry>> forTherapist(
            @AuthenticationPrincipal Jwt jwt,
            @PathVariable UUID clientId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        Paging.checkRange(from, to);
        var therapistId = Caller.of(jwt).id();
        return access.require(therapistId, clientId, EnumSet.of(DataClass.SESSION_FEEDBACK))
                .flatMap(granted -> accessLog
                        .record(therapistId, clientId, granted, RESOURCE)
                        .then(store.newestFirst(clientId, start(from), end(to))
                                .map(Entry::forTherapist)
                                .collectList()));
    }

    private static Instant start(LocalDate from) {
        return from == null ? null : from.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private static Instant end(LocalDate to) {
        return to == null ? null : to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
