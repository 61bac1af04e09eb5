package org.attune.checkin.checkin;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.attune.events.WindowOfTolerance;
import org.attune.kit.outbox.Outbox;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A stored daily check-in, with the event that announces it in its outbox. */
@Document(CheckIn.COLLECTION)
public record CheckIn(
        @Id String id,
        UUID clientId,
        Instant recordedAt,
        LocalDate localDate,
        int mood,
        WindowOfTolerance window,
        List<String> emotions,
        int energy,
        Double sleepHours,
        List<String> tags,
        String note,
        String idempotencyKey,
        Outbox outbox) {

    public static final String COLLECTION = "checkins";
}
