package org.attune.checkin.measures;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.attune.events.MeasureCadenceUnit;
import org.attune.events.MeasureStopReason;
import org.attune.kit.outbox.Outbox;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One scheduled measure: what, how often, and where it stands. The current occurrence ({@code index}, its
 * {@code dueDate} and window) is either WAITING to open or OPEN; answering or closing it moves to the next one. Every
 * move is one conditional write that also appends its event to the outbox, so two instances cannot both make it.
 * Dates are stored as ISO strings: they are the client's calendar days, not instants.
 *
 * @param nextAt when the sweep next has something to do (the window's opening while WAITING, its closing while OPEN)
 * @param lastDueDate due date of the last window that ended, answered or not
 * @param lastAnswered whether that window was answered; only the therapist sees it
 */
@Document(MeasureAssignment.COLLECTION)
record MeasureAssignment(
        @Id String id,
        UUID clientId,
        UUID therapistId,
        String code,
        int every,
        MeasureCadenceUnit unit,
        String firstDue,
        int windowDays,
        Status status,
        MeasureStopReason stopReason,
        int index,
        Phase phase,
        String dueDate,
        Instant opensAt,
        Instant closesAt,
        Instant nextAt,
        String lastDueDate,
        Boolean lastAnswered,
        Instant assignedAt,
        Instant updatedAt,
        Outbox outbox) {

    static final String COLLECTION = "measure_assignments";

    enum Status {
        ACTIVE,
        PAUSED,
        STOPPED
    }

    enum Phase {
        WAITING,
        OPEN
    }

    Cadence cadence() {
        return new Cadence(every, unit);
    }

    LocalDate first() {
        return LocalDate.parse(firstDue);
    }

    LocalDate due() {
        return LocalDate.parse(dueDate);
    }

    UUID assignmentId() {
        return UUID.fromString(id);
    }
}
