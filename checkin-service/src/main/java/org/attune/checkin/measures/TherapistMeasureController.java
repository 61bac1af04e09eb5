package org.attune.checkin.measures;

import io.swagger.v3.oas.annotations.Operation;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.attune.checkin.measures.MeasureAssignment.Phase;
import org.attune.checkin.measures.MeasureAssignment.Status;
import org.attune.checkin.questionnaire.Instrument;
import org.attune.checkin.questionnaire.InstrumentCatalog;
import org.attune.events.AttuneEvent;
import org.attune.events.DataClass;
import org.attune.events.MeasureAssigned;
import org.attune.events.MeasureCadenceUnit;
import org.attune.kit.consent.TherapistAccess;
import org.attune.kit.outbox.Outbox;
import org.attune.kit.security.Caller;
import org.attune.kit.web.FieldRules;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;

/** A therapist schedules measures for a client and sees how each stands, under an INSTRUMENT_SCORES grant. */
@RestController
@RequestMapping("/api/v1/clients/{clientId}/measures")
class TherapistMeasureController {

    static final int DEFAULT_WINDOW_DAYS = 3;

    private final MeasureAssignments assignments;
    private final InstrumentCatalog catalog;
    private final TherapistAccess access;
    private final ClientZones zones;
    private final Clock clock;

    TherapistMeasureController(
            MeasureAssignments assignments,
            InstrumentCatalog catalog,
            TherapistAccess access,
            ClientZones zones,
            Clock clock) {
        this.assignments = assignments;
        this.catalog = catalog;
        this.access = access;
        this.zones = zones;
        this.clock = clock;
    }

    /**
     * @param every how many {@code unit}s between two due dates (1–52)
     * @param firstDue the client's calendar day the first window opens
     * @param windowDays how many days each window stays open (default 3, at most the gap between two due dates)
     */
    record AssignRequest(String code, Integer every, MeasureCadenceUnit unit, LocalDate firstDue, Integer windowDays) {}

    /**
     * How a scheduled measure stands, as its therapist sees it. {@code state}: SCHEDULED (waiting for its next due
     * date), OPEN (due now), PAUSED_BY_CLIENT, DECLINED_BY_CLIENT, GRANT_ENDED. {@code lastWindow}: ANSWERED or
     * NOT_ANSWERED for the last window that ended, null before the first.
     */
    record TherapistMeasureView(
            String id,
            String code,
            String title,
            int every,
            MeasureCadenceUnit unit,
            int windowDays,
            LocalDate firstDue,
            String state,
            LocalDate dueDate,
            LocalDate lastDueDate,
            String lastWindow,
            Instant assignedAt) {}

    @Operation(summary = "Schedule a questionnaire for a client (needs an INSTRUMENT_SCORES grant)")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Mono<TherapistMeasureView> assign(
            @AuthenticationPrincipal Jwt jwt, @PathVariable UUID clientId, @RequestBody AssignRequest body) {
        var therapistId = Caller.of(jwt).id();
        var now = clock.instant();
        var instrument = validate(body, now);
        int windowDays = windowDays(body);
        return access.read(therapistId, clientId, DataClass.INSTRUMENT_SCORES, "measures/assign")
                .then(assignments.scheduled(clientId, therapistId, instrument.code()))
                .flatMap(already -> {
                    if (already) {
                        return Mono.error(new ResponseStatusException(
                                HttpStatus.CONFLICT,
                                "This questionnaire is already scheduled for this client; it can be scheduled again"
                                        + " once the client declines it or the grant ends."));
                    }
                    return zones.of(clientId);
                })
                .flatMap(zone -> {
                    var id = UUID.randomUUID();
                    var cadence = new Cadence(body.every(), body.unit());
                    int index = cadence.firstIndexNotClosed(body.firstDue(), 0, windowDays, zone, now);
                    var window = Cadence.Window.of(cadence.due(body.firstDue(), index), windowDays, zone);
                    var assigned = new MeasureAssigned(
                            UUID.randomUUID(),
                            now,
                            AttuneEvent.CURRENT_SCHEMA_VERSION,
                            clientId,
                            id,
                            therapistId,
                            instrument.code(),
                            body.every(),
                            body.unit(),
                            body.firstDue(),
                            windowDays);
                    return assignments.insert(new MeasureAssignment(
                            id.toString(),
                            clientId,
                            therapistId,
                            instrument.code(),
                            body.every(),
                            body.unit(),
                            body.firstDue().toString(),
                            windowDays,
                            Status.ACTIVE,
                            null,
                            index,
                            Phase.WAITING,
                            window.dueDate().toString(),
                            window.opensAt(),
                            window.closesAt(),
                            window.opensAt(),
                            null,
                            null,
                            now,
                            now,
                            Outbox.of(now, List.of(assigned))));
                })
                .map(this::view);
    }

    @Operation(summary = "The measures this therapist scheduled for a client, and how each stands")
    @GetMapping
    Mono<List<TherapistMeasureView>> list(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID clientId) {
        var therapistId = Caller.of(jwt).id();
        return access.read(therapistId, clientId, DataClass.INSTRUMENT_SCORES, "measures")
                .thenMany(assignments.ofPair(clientId, therapistId))
                .map(this::view)
                .collectList();
    }

    private Instrument validate(AssignRequest body, Instant now) {
        var rules = new FieldRules();
        Instrument instrument = null;
        if (rules.required("code", body.code())) {
            instrument = catalog.find(body.code())
                    .filter(Instrument::answeredAsQuestionnaire)
                    .orElse(null);
            if (instrument == null) {
                rules.add("code", "There is no questionnaire with that code.");
            }
        }
        rules.range("every", body.every(), 1, Cadence.MAX_EVERY, true);
        rules.required("unit", body.unit());
        if (rules.required("firstDue", body.firstDue())) {
            // The client's zone may be up to a day behind UTC, so their "today" may still be yesterday here.
            var today = LocalDate.ofInstant(now, ZoneOffset.UTC);
            if (body.firstDue().isBefore(today.minusDays(1))) {
                rules.add("firstDue", "The first due date cannot be in the past.");
            } else if (body.firstDue().isAfter(today.plusYears(1))) {
                rules.add("firstDue", "The first due date must be within a year.");
            }
        }
        if (body.windowDays() != null) {
            rules.range("windowDays", body.windowDays(), 1, 366, true);
        }
        if (rules.ok() && body.windowDays() != null) {
            var cadence = new Cadence(body.every(), body.unit());
            if (body.windowDays() > cadence.shortestDays()) {
                rules.add("windowDays", "The window cannot be longer than the time between two due dates.");
            }
        }
        rules.throwIfAny();
        return instrument;
    }

    /** The default window, shortened for a cadence shorter than it (every day, every two days). */
    private static int windowDays(AssignRequest body) {
        if (body.windowDays() != null) {
            return body.windowDays();
        }
        return Math.min(DEFAULT_WINDOW_DAYS, new Cadence(body.every(), body.unit()).shortestDays());
    }

    private TherapistMeasureView view(MeasureAssignment a) {
        String state = switch (a.status()) {
            case ACTIVE -> a.phase() == Phase.OPEN ? "OPEN" : "SCHEDULED";
            case PAUSED -> "PAUSED_BY_CLIENT";
            case STOPPED -> a.stopReason().name();
        };
        return new TherapistMeasureView(
                a.id(),
                a.code(),
                catalog.find(a.code()).map(Instrument::title).orElse(a.code()),
                a.every(),
                a.unit(),
                a.windowDays(),
                a.first(),
                state,
                a.status() == Status.ACTIVE ? a.due() : null,
                a.lastDueDate() == null ? null : LocalDate.parse(a.lastDueDate()),
                a.lastAnswered() == null ? null : a.lastAnswered() ? "ANSWERED" : "NOT_ANSWERED",
                a.assignedAt());
    }
}
