package org.attune.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A therapist scheduled a measure (a questionnaire) for their client: due on {@code firstDue} and then every
 * {@code every} {@code unit}, each time open for {@code windowDays} days. Due dates are the client's calendar days.
 *
 * @param code instrument code, e.g. {@code "PHQ-9"}
 */
public record MeasureAssigned(
        UUID eventId,
        Instant occurredAt,
        int schemaVersion,
        UUID clientId,
        UUID assignmentId,
        UUID therapistId,
        String code,
        int every,
        MeasureCadenceUnit unit,
        LocalDate firstDue,
        int windowDays)
        implements AttuneEvent {

    public MeasureAssigned {
        Require.header(eventId, occurredAt, schemaVersion, clientId);
        Require.nonNull(assignmentId, "assignmentId");
        Require.nonNull(therapistId, "therapistId");
        Require.nonBlank(code, "code");
        Require.positive(every, "every");
        Require.nonNull(unit, "unit");
        Require.nonNull(firstDue, "firstDue");
        Require.positive(windowDays, "windowDays");
    }

    public static MeasureAssigned of(
            UUID clientId,
            UUID assignmentId,
            UUID therapistId,
            String code,
            int every,
            MeasureCadenceUnit unit,
            LocalDate firstDue,
            int windowDays) {
        return new MeasureAssigned(
                UUID.randomUUID(),
                Instant.now(),
                AttuneEvent.CURRENT_SCHEMA_VERSION,
                clientId,
                assignmentId,
                therapistId,
                code,
                every,
                unit,
                firstDue,
                windowDays);
    }
}
