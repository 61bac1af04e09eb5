package org.attune.checkin.summary;

import io.swagger.v3.oas.annotations.Operation;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.attune.checkin.change.Change;
import org.attune.checkin.change.ChangeReader;
import org.attune.checkin.checkin.CheckIn;
import org.attune.checkin.checkin.CheckInStore;
import org.attune.checkin.feedback.SessionFeedbackStore;
import org.attune.checkin.questionnaire.QuestionnaireResponse;
import org.attune.checkin.questionnaire.QuestionnaireResponses;
import org.attune.checkin.safety.SafetyFlags;
import org.attune.events.DataClass;
import org.attune.kit.access.AccessLog;
import org.attune.kit.consent.TherapistAccess;
import org.attune.kit.security.Caller;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A therapist's overview of one client, for a list sorted by what needs attention. Each part is present only when
 * the grant covers its data class (absent otherwise; present and null when there is nothing yet), and each covered
 * class is access-logged.
 */
@RestController
class SummaryController {

    static final String RESOURCE = "summary";
    static final int MOOD_DAYS = 14;
    static final Set<DataClass> SUMMARY_CLASSES = EnumSet.of(
            DataClass.MOOD_CHECKINS, DataClass.SAFETY_ALERTS, DataClass.SESSION_FEEDBACK, DataClass.INSTRUMENT_SCORES);

    private final CheckInStore checkIns;
    private final SafetyFlags safetyFlags;
    private final SessionFeedbackStore feedback;
    private final QuestionnaireResponses responses;
    private final ChangeReader changeReader;
    private final TherapistAccess access;
    private final AccessLog accessLog;
    private final Clock clock;

    SummaryController(
            CheckInStore checkIns,
            SafetyFlags safetyFlags,
            SessionFeedbackStore feedback,
            QuestionnaireResponses responses,
            ChangeReader changeReader,
            TherapistAccess access,
            AccessLog accessLog,
            Clock clock) {
        this.checkIns = checkIns;
        this.safetyFlags = safetyFlags;
        this.feedback = feedback;
        this.responses = responses;
        this.changeReader = changeReader;
        this.access = access;
        this.accessLog = accessLog;
        this.clock = clock;
    }

    record Rupture(java.time.Instant recordedAt, org.attune.events.RuptureReason reason) {}

    /** {@code change} is null with a single response or for an instrument without published change numbers. */
    record Trend(String code, String latestBand, String previousBand, Change change) {}

    @Operation(summary = "A therapist's overview of one client, with only the granted data classes (access-logged)")
    @GetMapping("/api/v1/clients/{clientId}/summary")
    Mono<Map<String, Object>> summary(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID clientId) {
        var therapistId = Caller.of(jwt).id();
        return access.require(therapistId, clientId, SUMMARY_CLASSES)
                .flatMap(granted -> accessLog
                        .record(therapistId, clientId, granted, RESOURCE)
                        .then(compute(clientId, granted)));
    }

    private Mono<Map<String, Object>> compute(UUID clientId, Set<DataClass> granted) {
        var summary = new LinkedHashMap<String, Object>();
        summary.put("clientId", clientId);
        summary.put("includedDataClasses", granted.stream().sorted().toList());
        var parts = new ArrayList<Mono<Void>>();
        if (granted.contains(DataClass.MOOD_CHECKINS)) {
            var today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
            var first = today.minusDays(MOOD_DAYS - 1);
            parts.add(checkIns.latest(clientId)
                    .map(CheckIn::recordedAt)
                    .map(java.util.Optional::of)
                    .defaultIfEmpty(java.util.Optional.empty())
                    .doOnNext(at -> summary.put("lastCheckInAt", at.orElse(null)))
                    .then());
            parts.add(checkIns.all(clientId, first, today)
                    .collectList()
                    .doOnNext(list -> summary.put("recentMood", dailyMeans(list, first)))
                    .then());
        }
        if (granted.contains(DataClass.SAFETY_ALERTS)) {
            parts.add(safetyFlags
                    .countOpen(clientId)
                    .doOnNext(n -> summary.put("openSafetyFlags", n))
                    .then());
        }
        if (granted.contains(DataClass.SESSION_FEEDBACK)) {
            parts.add(feedback.latestRupture(clientId)
                    .map(f -> java.util.Optional.of(new Rupture(f.recordedAt(), f.ruptureReason())))
                    .defaultIfEmpty(java.util.Optional.empty())
                    .doOnNext(r -> summary.put("lastRupture", r.orElse(null)))
                    .then());
        }
        if (granted.contains(DataClass.INSTRUMENT_SCORES)) {
            parts.add(responses
                    .of(clientId, null, null)
                    .collectList()
                    .doOnNext(list -> summary.put("instrumentTrend", trends(list)))
                    .then());
        }
        // One after the other: the map is filled in order, never concurrently.
        return Flux.concat(parts).then(Mono.fromSupplier(() -> summary));
    }

    /** Mean mood of each of the {@link #MOOD_DAYS} days from {@code first} (by the client's own day), or null. */
    static List<Double> dailyMeans(List<CheckIn> checkIns, LocalDate first) {
        var sums = new double[MOOD_DAYS];
        var counts = new int[MOOD_DAYS];
        for (var c : checkIns) {
            int i = (int) java.time.temporal.ChronoUnit.DAYS.between(first, c.localDate());
            if (i >= 0 && i < MOOD_DAYS) {
                sums[i] += c.mood();
                counts[i]++;
            }
        }
        var means = new ArrayList<Double>(MOOD_DAYS);
        for (int i = 0; i < MOOD_DAYS; i++) {
            means.add(counts[i] == 0 ? null : Math.round(sums[i] / counts[i] * 10) / 10.0);
        }
        return means;
    }

    /**
     * Per instrument (by code), the band of the latest response and the one before, and the change judged from the
     * first response (baseline) to the latest; from oldest-first input.
     */
    List<Trend> trends(List<QuestionnaireResponse> oldestFirst) {
        var byCode = new TreeMap<String, List<QuestionnaireResponse>>();
        oldestFirst.forEach(
                r -> byCode.computeIfAbsent(r.code(), c -> new ArrayList<>()).add(r));
        var changes = changeReader.byCode(oldestFirst);
        var trends = new ArrayList<Trend>();
        byCode.forEach((code, list) -> {
            var latest = list.getLast();
            var previous = list.size() > 1 ? list.get(list.size() - 2) : null;
            trends.add(new Trend(code, latest.band(), previous == null ? null : previous.band(), changes.get(code)));
        });
        return trends;
    }
}
