package org.attune.webui.checkin.ui;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.attune.events.WindowOfTolerance;
import org.attune.webui.checkin.CheckInForm;
import org.attune.webui.checkin.CheckinGateway;
import org.attune.webui.checkin.Exercise;
import org.attune.webui.checkin.ExerciseGateway;
import org.attune.webui.checkin.Outcome;
import org.attune.webui.measures.ui.DueMeasuresSection;
import org.attune.webui.measures.ui.MeasuresPanels;
import org.attune.webui.security.Caller;

/**
 * What Today asks of the services: recording a check-in, the exercise recommended after one outside the window (the
 * gateway waits briefly for content-service to make it), and the questionnaires due now. The view keeps none of the
 * answers beyond showing them. One per view: it holds only the beans it asks.
 */
final class TodayPresenter {

    private final CheckinGateway checkins;
    private final ExerciseGateway exercises;
    private final MeasuresPanels measures;
    private final Clock clock;

    TodayPresenter(CheckinGateway checkins, ExerciseGateway exercises, MeasuresPanels measures, Clock clock) {
        this.checkins = checkins;
        this.exercises = exercises;
        this.measures = measures;
        this.clock = clock;
    }

    /** The client's own calendar day, as the check-in records it. */
    LocalDate today() {
        return LocalDate.now(clock.withZone(ClientTime.zone()));
    }

    Instant now() {
        return clock.instant();
    }

    Outcome<String> record(Caller client, CheckInForm form, String idempotencyKey) {
        return checkins.recordCheckIn(client, form, idempotencyKey);
    }

    /** Only outside the window is an exercise offered; empty when none could be read (the library is offered). */
    Optional<Exercise> exerciseAfter(Caller client, WindowOfTolerance chosen, Instant sentAt) {
        if (chosen == WindowOfTolerance.WITHIN) {
            return Optional.empty();
        }
        return exercises.recommendedAfterCheckIn(client, sentAt);
    }

    /** What the therapist scheduled and is due now; the section stays out of sight when nothing is. */
    DueMeasuresSection dueMeasures() {
        return measures.forClient(false, null);
    }
}
