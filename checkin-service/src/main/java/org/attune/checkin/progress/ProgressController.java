package org.attune.checkin.progress;

import io.swagger.v3.oas.annotations.Operation;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.attune.checkin.change.ChangeReader;
import org.attune.checkin.checkin.CheckInStore;
import org.attune.checkin.feedback.SessionFeedback;
import org.attune.checkin.feedback.SessionFeedbackStore;
import org.attune.checkin.questionnaire.QuestionnaireResponse;
import org.attune.checkin.questionnaire.QuestionnaireResponses;
import org.attune.checkin.web.Paging;
import org.attune.events.DataClass;
import org.attune.kit.access.AccessLog;
import org.attune.kit.consent.TherapistAccess;
import org.attune.kit.security.Caller;
import org.attune.kit.web.FieldRules;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
class ProgressController {

    static final int DEFAULT_DAYS = 90;
    static final int MAX_DAYS = 366;
    static final Set<DataClass> PROGRESS_CLASSES =
            EnumSet.of(DataClass.MOOD_CHECKINS, DataClass.INSTRUMENT_SCORES, DataClass.SESSION_FEEDBACK);

    private final CheckInStore checkIns;
    private final QuestionnaireResponses responses;
    private final SessionFeedbackStore feedback;
    private final ChangeReader changes;
    private final TherapistAccess access;
    private final AccessLog accessLog;
    private final Clock clock;

    ProgressController(
            CheckInStore checkIns,
            QuestionnaireResponses responses,
            SessionFeedbackStore feedback,
            ChangeReader changes,
            TherapistAccess access,
            AccessLog accessLog,
            Clock clock) {
        this.checkIns = checkIns;
        this.responses = responses;
        this.feedback = feedback;
        this.changes = changes;
        this.access = access;
        this.accessLog = accessLog;
        this.clock = clock;
    }

    @Operation(summary = "The caller's own progress over a date range")
    @GetMapping("/api/v1/progress")
    Mono<Progress> own(
            @AuthenticationPrincipal Jwt jwt,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        var range = range(from, to);
        return compute(Caller.of(jwt).id(), range[0], range[1], PROGRESS_CLASSES, false);
    }

    @Operation(summary = "A client's progress, for a therapist, with only the granted data classes (access-logged)")
    @GetMapping("/api/v1/clients/{clientId}/progress")
    Mono<Progress> client(
            @AuthenticationPrincipal Jwt jwt,
            @PathVariable UUID clientId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        var range = range(from, to);
        var therapistId = Caller.of(jwt).id();
        return access.require(therapistId, clientId, PROGRESS_CLASSES)
                .flatMap(granted -> accessLog
                        .record(therapistId, clientId, granted, "progress")
                        .then(compute(clientId, range[0], range[1], granted, true)));
    }

    private LocalDate[] range(LocalDate from, LocalDate to) {
        Paging.checkRange(from, to);
        var today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        var end = to != null ? to : today;
        var start = from != null ? from : end.minusDays(DEFAULT_DAYS - 1);
        if (ChronoUnit.DAYS.between(start, end) >= MAX_DAYS) {
            new FieldRules()
                    .add("from", "the range can span at most " + MAX_DAYS + " days")
                    .throwIfAny();
        }
        return new LocalDate[] {start, end};
    }

    private Mono<Progress> compute(
            UUID clientId, LocalDate from, LocalDate to, Set<DataClass> included, boolean forTherapist) {
        var fromInstant = from.atStartOfDay(ZoneOffset.UTC).toInstant();
        var toInstant = to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        var checkInList = included.contains(DataClass.MOOD_CHECKINS)
                ? checkIns.all(clientId, from, to).collectList()
                : Mono.just(java.util.List.<org.attune.checkin.checkin.CheckIn>of());
        // Change is judged from the first response ever (the baseline), so every response is read; the series
        // shows those in the range.
        var responseList = included.contains(DataClass.INSTRUMENT_SCORES)
                ? responses.of(clientId, null, null).collectList()
                : Mono.just(java.util.List.<QuestionnaireResponse>of());
        // With SESSION_FEEDBACK a therapist sees the scores of every check (the words only where shared, and
        // progress carries no words).
        var feedbackList = included.contains(DataClass.SESSION_FEEDBACK)
                ? feedback.of(clientId, fromInstant, toInstant).collectList()
                : Mono.just(java.util.List.<SessionFeedback>of());
        return Mono.zip(checkInList, responseList, feedbackList)
                .map(t -> ProgressCalculator.compute(
                        from,
                        to,
                        included,
                        t.getT1(),
                        t.getT2().stream()
                                .filter(r -> !r.completedAt().isBefore(fromInstant)
                                        && r.completedAt().isBefore(toInstant))
                                .toList(),
                        changes.byCode(t.getT2()),
                        t.getT3()));
    }
}
