package org.attune.webui.therapist;

import java.time.Instant;
import java.time.LocalDate;

/** A piece of content the therapist assigned and whether the client completed it (content-service). */
public record AssignmentItem(
        String assignmentId,
        String slug,
        String title,
        String note,
        LocalDate dueDate,
        Instant assignedAt,
        boolean completed,
        Instant completedAt) {}
