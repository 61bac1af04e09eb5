package org.attune.checkin.export;

import io.swagger.v3.oas.annotations.Operation;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.attune.checkin.checkin.CheckIn;
import org.attune.checkin.checkin.CheckInStore;
import org.attune.checkin.feedback.SessionFeedback;
import org.attune.checkin.feedback.SessionFeedbackStore;
import org.attune.checkin.goals.GoalExport;
import org.attune.checkin.goals.Goals;
import org.attune.checkin.measures.MeasureExport;
import org.attune.checkin.questionnaire.QuestionnaireResponse;
import org.attune.checkin.questionnaire.QuestionnaireResponses;
import org.attune.checkin.safety.SafetyFlag;
import org.attune.checkin.safety.SafetyFlags;
import org.attune.checkin.safetyplan.SafetyPlanExport;
import org.attune.checkin.safetyplan.SafetyPlans;
import org.attune.events.DataClass;
import org.attune.events.RuptureReason;
import org.attune.events.SafetyFlagReason;
import org.attune.events.WindowOfTolerance;
import org.attune.kit.access.AccessLog;
import org.attune.kit.access.AccessLogEntry;
import org.attune.kit.consent.ConsentGrant;
import org.attune.kit.consent.ConsentProjection;
import org.attune.kit.security.Caller;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Everything this service holds about the caller, as one JSON document (no internal outbox bookkeeping). */
@RestController
class ExportController {

    private final CheckInStore checkIns;
    private final QuestionnaireResponses responses;
    private final SessionFeedbackStore feedback;
    private final SafetyFlags safetyFlags;
    private final SafetyPlans safetyPlans;
    private final Goals goals;
    private final ConsentProjection consent;
    private final AccessLog accessLog;
    private final MeasureExport measures;
    private final Clock clock;

    ExportController(
            CheckInStore checkIns,
            QuestionnaireResponses responses,
            SessionFeedbackStore feedback,
            SafetyFlags safetyFlags,
            SafetyPlans safetyPlans,
            Goals goals,
            ConsentProjection consent,
            AccessLog accessLog,
            MeasureExport measures,
            Clock clock) {
        this.checkIns = checkIns;
        this.responses = responses;
        this.feedback = feedback;
        this.safetyFlags = safetyFlags;
        this.safetyPlans = safetyPlans;
        this.goals = goals;
        this.consent = consent;
        this.accessLog = accessLog;
        this.measures = measures;
        this.clock = clock;
    }

    @Operation(summary = "Everything this service holds about the caller, as one JSON document")
    @GetMapping("/api/v1/export")
    Mono<ResponseEntity<Export>> export(@AuthenticationPrincipal Jwt jwt) {
        var caller = Caller.of(jwt);
        UUID id = caller.id();
        return Mono.zip(
                        checkIns.all(id, null, null)
                                .map(ExportController::checkIn)
                                .collectList(),
                        responses
                                .of(id, null, null)
                                .map(ExportController::response)
                                .collectList(),
                        feedback.of(id, null, null)
                                .map(ExportController::feedback)
                                .collectList(),
                        safetyFlags.of(id).collectList(),
                        consent.involving(id).map(ExportController::grant).collectList(),
                        accessLog.forClient(id).map(ExportController::access).collectList(),
                        // Mono.zip takes eight typed sources; the safety plan, goals and scheduled measures travel as
                        // one.
                        Mono.zip(
                                safetyPlans.exportOf(id),
                                goals.exportOf(id),
                                measures.of(id).collectList()))
                .map(t -> new Export(
                        id,
                        caller.role().name(),
                        clock.instant(),
                        t.getT1(),
                        t.getT2(),
                        t.getT3(),
                        t.getT4().stream()
                                .filter(f -> f.reason() == SafetyFlagReason.HELP_NOW)
                                .map(ExportController::flag)
                                .toList(),
                        t.getT4().stream().map(ExportController::safetyFlag).toList(),
                        t.getT5(),
                        t.getT6(),
                        t.getT7().getT1(),
                        t.getT7().getT2(),
                        t.getT7().getT3()))
                .map(export -> ResponseEntity.ok()
                        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"attune-checkins-export.json\"")
                        .body(export));
    }

    record Export(
            UUID accountId,
            String role,
            Instant exportedAt,
            List<CheckInData> checkIns,
            List<ResponseData> questionnaireResponses,
            List<FeedbackData> sessionFeedback,
            List<FlagData> helpNowRequests,
            List<SafetyFlagData> safetyFlags,
            List<GrantData> consentGrants,
            List<AccessData> accessLog,
            SafetyPlanExport safetyPlan,
            List<GoalExport> goals,
            List<MeasureExport.MeasureData> scheduledMeasures) {}

    record CheckInData(
            String id,
            Instant recordedAt,
            java.time.LocalDate localDate,
            int mood,
            WindowOfTolerance window,
            List<String> emotions,
            int energy,
            Double sleepHours,
            List<String> tags,
            String note) {}

    record ResponseData(
            String id,
            String code,
            java.util.Map<String, Integer> answers,
            int total,
            int maxTotal,
            String band,
            String previousBand,
            boolean worsened,
            List<String> flags,
            Instant completedAt) {}

    record FeedbackData(
            String id,
            int heard,
            int goals,
            int approach,
            int overall,
            int total,
            int maxTotal,
            boolean ruptureSignal,
            RuptureReason ruptureReason,
            boolean sharedWithTherapist,
            java.time.LocalDate sessionDate,
            String text,
            Instant recordedAt) {}

    record FlagData(String id, SafetyFlagReason reason, Instant raisedAt) {}

    /** Every safety flag (help-now and questionnaire), with its acknowledgement by a therapist. */
    record SafetyFlagData(
            String id,
            SafetyFlagReason reason,
            String source,
            Instant raisedAt,
            Instant acknowledgedAt,
            UUID acknowledgedBy) {}

    record GrantData(
            UUID clientId,
            UUID therapistId,
            UUID consentId,
            List<DataClass> dataClasses,
            Instant startsAt,
            Instant endsAt,
            String status) {}

    record AccessData(UUID therapistId, DataClass dataClass, String resource, Instant at) {}

    private static CheckInData checkIn(CheckIn c) {
        return new CheckInData(
                c.id(),
                c.recordedAt(),
                c.localDate(),
                c.mood(),
                c.window(),
                c.emotions(),
                c.energy(),
                c.sleepHours(),
                c.tags(),
                c.note());
    }

    private static ResponseData response(QuestionnaireResponse r) {
        return new ResponseData(
                r.id(),
                r.code(),
                r.answers(),
                r.total(),
                r.maxTotal(),
                r.band(),
                r.previousBand(),
                r.worsened(),
                r.flags(),
                r.completedAt());
    }

    private static FeedbackData feedback(SessionFeedback f) {
        return new FeedbackData(
                f.id(),
                f.heard(),
                f.goals(),
                f.approach(),
                f.overall(),
                f.total(),
                f.maxTotal(),
                f.ruptureSignal(),
                f.ruptureReason(),
                f.sharedWithTherapist(),
                f.sessionDate(),
                f.text(),
                f.recordedAt());
    }

    private static FlagData flag(SafetyFlag f) {
        return new FlagData(f.id(), f.reason(), f.raisedAt());
    }

    private static SafetyFlagData safetyFlag(SafetyFlag f) {
        return new SafetyFlagData(f.id(), f.reason(), f.source(), f.raisedAt(), f.acknowledgedAt(), f.acknowledgedBy());
    }

    private static GrantData grant(ConsentGrant g) {
        return new GrantData(
                g.clientId(),
                g.therapistId(),
                g.consentId(),
                g.dataClasses(),
                g.startsAt(),
                g.endsAt(),
                g.status().name());
    }

    private static AccessData access(AccessLogEntry e) {
        return new AccessData(e.therapistId(), e.dataClass(), e.resource(), e.at());
    }
}
