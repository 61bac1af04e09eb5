package org.attune.content.assignment;

import java.time.Instant;
import org.attune.kit.outbox.Outbox;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A piece a therapist asked their client to look at, with its {@code ContentAssigned} event in the outbox.
 * {@code therapistId} is null once the therapist's account was erased; the assignment stays the client's.
 */
@Document("assignments")
record Assignment(
        @Id String id,
        String clientId,
        String therapistId,
        String slug,
        String title,
        String note,
        String dueDate,
        Instant assignedAt,
        Outbox outbox) {}
