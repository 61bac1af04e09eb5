package org.attune.checkin.questionnaire;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.attune.kit.outbox.Outbox;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A stored, scored questionnaire response with its events (completion and any safety flags) in the outbox. */
@Document(QuestionnaireResponse.COLLECTION)
public record QuestionnaireResponse(
        @Id String id,
        UUID clientId,
        String code,
        Map<String, Integer> answers,
        int total,
        int maxTotal,
        String band,
        String bandLabel,
        String previousBand,
        boolean worsened,
        List<String> flags,
        Instant completedAt,
        Outbox outbox) {

    public static final String COLLECTION = "questionnaire_responses";
}
