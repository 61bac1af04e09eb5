package org.attune.checkin.measures;

import io.swagger.v3.oas.annotations.Operation;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.attune.checkin.measures.MeasureAssignment.Status;
import org.attune.checkin.questionnaire.Instrument;
import org.attune.checkin.questionnaire.InstrumentCatalog;
import org.attune.events.AttuneEvent;
import org.attune.events.DataClass;
import org.attune.events.MeasurePaused;
import org.attune.events.MeasureResumed;
import org.attune.events.MeasureStopReason;
import org.attune.events.MeasureStopped;
import org.attune.kit.consent.TherapistAccess;
import org.attune.kit.security.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;

/**
 * The client's side of scheduled measures: what is due now and what comes next, and pausing, resuming or declining
 * one with a single tap and no reason asked. Nothing here counts windows that went by unanswered.
 */
@RestController
@RequestMapping("/api/v1/measures")
class MeasureController {

    private final MeasureAssignments assignments;
    private final MeasureSweep sweep;
    private final InstrumentCatalog catalog;
    private final TherapistAccess access;
    private final ClientZones zones;
    private final Clock clock;

    MeasureController(
            MeasureAssignments assignments,
            MeasureSweep sweep,
            InstrumentCatalog catalog,
            TherapistAccess access,
            ClientZones zones,
            Clock clock) {
        this.assignments = assignments;
        this.sweep = sweep;
        this.catalog = catalog;
        this.access = access;
        this.zones = zones;
        this.clock = clock;
    }

    /**
     * One scheduled measure as the client sees it. {@code state}: DUE (answer it until {@code openUntil}, inclusive),
     * UPCOMING (next due on {@code nextDue}) or PAUSED.
     */
    record MeasureView(
            String id,
            String code,
            String title,
            String state,
            LocalDate dueDate,
            LocalDate openUntil,
            LocalDate nextDue) {}

    @Operation(summary = "The client's scheduled questionnaires: what is due now and what comes next")
    @GetMapping
    Mono<List<MeasureView>> mine(@AuthenticationPrincipal Jwt jwt) {
        var clientId = Caller.of(jwt).id();
        var now = clock.instant();
        return assignments
                .ofClient(clientId)
                // A schedule whose grant ended is over, even before the sweep has recorded it.
                .filterWhen(a -> access.allows(a.therapistId(), clientId, DataClass.INSTRUMENT_SCORES))
                .concatMap(a -> view(a, now))
                .collectList();
    }

    private Mono<MeasureView> view(MeasureAssignment a, Instant now) {
        var title = catalog.find(a.code()).map(Instrument::title).orElse(a.code());
        if (a.status() == Status.PAUSED) {
            return Mono.just(new MeasureView(a.id(), a.code(), title, "PAUSED", null, null, null));
        }
        // By the window itself, not by the sweep's phase: the sweep may not have opened or closed it yet.
        boolean open = !now.isBefore(a.opensAt()) && now.isBefore(a.closesAt());
        if (!open) {
            return Mono.just(new MeasureView(a.id(), a.code(), title, "UPCOMING", null, null, a.due()));
        }
        // Answered a moment ago, before the sweep recorded it: it is no longer due.
        return sweep.answerIn(a)
                .map(answered -> new MeasureView(
                        a.id(),
                        a.code(),
                        title,
                        "UPCOMING",
                        null,
                        null,
                        a.cadence().due(a.first(), a.index() + 1)))
                .defaultIfEmpty(new MeasureView(
                        a.id(),
                        a.code(),
                        title,
                        "DUE",
                        a.due(),
                        a.due().plusDays(a.windowDays() - 1L),
                        a.cadence().due(a.first(), a.index() + 1)));
    }

    @Operation(summary = "Pause a scheduled questionnaire: nothing becomes due until it is resumed")
    @PostMapping("/{id}/pause")
    Mono<MeasureView> pause(@AuthenticationPrincipal Jwt jwt, @PathVariable String id) {
        var clientId = Caller.of(jwt).id();
        var now = clock.instant();
        return retried(clientId, id, a -> {
                    if (a.status() != Status.ACTIVE) {
                        return Mono.just(a);
                    }
                    var paused = new MeasurePaused(
                            UUID.randomUUID(), now, AttuneEvent.CURRENT_SCHEMA_VERSION, clientId, a.assignmentId());
                    return assignments.move(a, Moves.pause(), List.of(paused), now);
                })
                .flatMap(a -> view(a, now));
    }

    @Operation(summary = "Resume a paused questionnaire from its next due date that is not over yet")
    @PostMapping("/{id}/resume")
    Mono<MeasureView> resume(@AuthenticationPrincipal Jwt jwt, @PathVariable String id) {
        var clientId = Caller.of(jwt).id();
        var now = clock.instant();
        return retried(clientId, id, a -> {
                    if (a.status() != Status.PAUSED) {
                        return Mono.just(a);
                    }
                    return zones.of(clientId).flatMap(zone -> resumed(a, zone, now));
                })
                .flatMap(a -> view(a, now));
    }

    private Mono<MeasureAssignment> resumed(MeasureAssignment a, ZoneId zone, Instant now) {
        // From today on: a window already open today counts, nothing before it is made up.
        var today = LocalDate.ofInstant(now, zone);
        int index =
                Math.max(a.index(), a.cadence().firstIndexOnOrAfter(a.first(), today.minusDays(a.windowDays() - 1L)));
        var update = Moves.waitFor(a, index, zone, now).set("status", Status.ACTIVE);
        var nextDue = a.cadence()
                .due(a.first(), a.cadence().firstIndexNotClosed(a.first(), index, a.windowDays(), zone, now));
        var resumed = new MeasureResumed(
                UUID.randomUUID(), now, AttuneEvent.CURRENT_SCHEMA_VERSION, a.clientId(), a.assignmentId(), nextDue);
        return assignments.move(a, update, List.of(resumed), now);
    }

    @Operation(summary = "Decline a scheduled questionnaire: it stops for good, no reason asked")
    @PostMapping("/{id}/decline")
    Mono<Void> decline(@AuthenticationPrincipal Jwt jwt, @PathVariable String id) {
        var clientId = Caller.of(jwt).id();
        var now = clock.instant();
        return retried(clientId, id, a -> {
                    if (a.status() == Status.STOPPED) {
                        return Mono.just(a);
                    }
                    var stopped = new MeasureStopped(
                            UUID.randomUUID(),
                            now,
                            AttuneEvent.CURRENT_SCHEMA_VERSION,
                            clientId,
                            a.assignmentId(),
                            MeasureStopReason.DECLINED_BY_CLIENT);
                    return assignments.move(a, Moves.stop(MeasureStopReason.DECLINED_BY_CLIENT), List.of(stopped), now);
                })
                .then();
    }

    /**
     * Reads the caller's measure and applies {@code change}. When the sweep moved the schedule in between (the
     * conditional write matched nothing), it reads it again and retries, so a tap is never silently lost.
     */
    private Mono<MeasureAssignment> retried(
            UUID clientId, String id, Function<MeasureAssignment, Mono<MeasureAssignment>> change) {
        return own(clientId, id)
                .then(Mono.defer(() -> own(clientId, id).flatMap(change))
                        .repeatWhenEmpty(5, repeats -> repeats)
                        .switchIfEmpty(Mono.error(new ResponseStatusException(
                                HttpStatus.CONFLICT, "The measure changed meanwhile; please try again."))));
    }

    private Mono<MeasureAssignment> own(UUID clientId, String id) {
        return assignments
                .find(id)
                .filter(a -> a.clientId().equals(clientId))
                .switchIfEmpty(
                        Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND, "There is no such measure.")));
    }
}
