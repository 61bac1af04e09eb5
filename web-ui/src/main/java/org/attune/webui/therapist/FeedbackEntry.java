package org.attune.webui.therapist;

import java.time.Instant;
import java.time.LocalDate;

/** A session connection check the client shared (checkin-service {@code GET /api/v1/clients/{id}/session-feedback}). */
public record FeedbackEntry(
        String id,
        LocalDate sessionDate,
        Instant recordedAt,
        int heard,
        int goals,
        int approach,
        int overall,
        int total,
        boolean ruptureSignal,
        String reason,
        String comment) {}
