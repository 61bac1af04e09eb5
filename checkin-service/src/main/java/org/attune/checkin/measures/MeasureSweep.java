package org.attune.checkin.measures;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.attune.checkin.measures.MeasureAssignment.Phase;
import org.attune.checkin.questionnaire.QuestionnaireResponse;
import org.attune.checkin.questionnaire.QuestionnaireResponses;
import org.attune.events.AttuneEvent;
import org.attune.events.DataClass;
import org.attune.events.MeasureAnswered;
import org.attune.events.MeasureStopReason;
import org.attune.events.MeasureStopped;
import org.attune.events.MeasureWindowClosed;
import org.attune.events.MeasureWindowOpened;
import org.attune.kit.consent.TherapistAccess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * The batch job over the stored schedules, run by every instance on the service clock: opens windows that are due,
 * records answers given inside an open window, closes windows that ran out, and stops schedules whose grant no longer
 * covers instrument scores. Each move is claimed by its conditional write, so with two instances each happens once.
 */
class MeasureSweep {

    private static final Logger log = LoggerFactory.getLogger(MeasureSweep.class);

    private final MeasureAssignments assignments;
    private final QuestionnaireResponses responses;
    private final TherapistAccess access;
    private final ClientZones zones;
    private final Clock clock;
    private final int batch;

    MeasureSweep(
            MeasureAssignments assignments,
            QuestionnaireResponses responses,
            TherapistAccess access,
            ClientZones zones,
            Clock clock,
            int batch) {
        this.assignments = assignments;
        this.responses = responses;
        this.access = access;
        this.zones = zones;
        this.clock = clock;
        this.batch = batch;
    }

    /** One pass; emits how many schedules this instance moved. */
    Mono<Long> sweepOnce() {
        var now = clock.instant();
        return assignments
                .needingAttention(now, batch)
                .concatMap(a -> step(a, now).onErrorResume(e -> {
                    log.warn(
                            "A measure schedule could not be moved this pass: {}",
                            e.getClass().getSimpleName());
                    return Mono.empty();
                }))
                .count();
    }

    void sweep() {
        try {
            sweepOnce().block();
        } catch (RuntimeException e) {
            log.warn("Measure sweep failed: {}", e.getClass().getSimpleName());
        }
    }

    private Mono<MeasureAssignment> step(MeasureAssignment a, Instant now) {
        return access.allows(a.therapistId(), a.clientId(), DataClass.INSTRUMENT_SCORES)
                .flatMap(allowed -> allowed
                        ? zones.of(a.clientId()).flatMap(zone -> move(a, zone, now))
                        : assignments.move(
                                a,
                                Moves.stop(MeasureStopReason.GRANT_ENDED),
                                List.of(new MeasureStopped(
                                        UUID.randomUUID(),
                                        now,
                                        AttuneEvent.CURRENT_SCHEMA_VERSION,
                                        a.clientId(),
                                        a.assignmentId(),
                                        MeasureStopReason.GRANT_ENDED)),
                                now));
    }

    private Mono<MeasureAssignment> move(MeasureAssignment a, ZoneId zone, Instant now) {
        if (a.phase() == Phase.WAITING) {
            if (now.isBefore(a.opensAt())) {
                return Mono.empty();
            }
            var opened = new MeasureWindowOpened(
                    UUID.randomUUID(),
                    now,
                    AttuneEvent.CURRENT_SCHEMA_VERSION,
                    a.clientId(),
                    a.assignmentId(),
                    a.code(),
                    a.due(),
                    a.closesAt());
            return assignments.move(a, Moves.open(a), List.of(opened), now);
        }
        return answerIn(a)
                .map(response -> {
                    var answered = new MeasureAnswered(
                            UUID.randomUUID(),
                            now,
                            AttuneEvent.CURRENT_SCHEMA_VERSION,
                            a.clientId(),
                            a.assignmentId(),
                            a.code(),
                            a.due(),
                            UUID.fromString(response.id()));
                    return assignments.move(a, Moves.ended(a, true, zone, now), List.of(answered), now);
                })
                .defaultIfEmpty(
                        now.isBefore(a.closesAt())
                                ? Mono.empty()
                                : assignments.move(
                                        a,
                                        Moves.ended(a, false, zone, now),
                                        List.of(new MeasureWindowClosed(
                                                UUID.randomUUID(),
                                                now,
                                                AttuneEvent.CURRENT_SCHEMA_VERSION,
                                                a.clientId(),
                                                a.assignmentId(),
                                                a.code(),
                                                a.due())),
                                        now))
                .flatMap(moved -> moved);
    }

    /** The first answer of this instrument given inside the window (by the moment it is about). */
    Mono<QuestionnaireResponse> answerIn(MeasureAssignment a) {
        return responses
                .of(a.clientId(), a.opensAt(), a.closesAt())
                .filter(response -> response.code().equals(a.code()))
                .next();
    }
}
