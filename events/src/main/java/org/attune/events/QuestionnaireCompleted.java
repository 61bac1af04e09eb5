package org.attune.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A client completed a standardised questionnaire. Carries the scored result, not the item answers, which stay with
 * the check-in service.
 *
 * @param code instrument code, e.g. {@code "PHQ-9"}
 * @param band severity band of {@code total}, as named by the instrument's scoring
 * @param previousBand band of the client's previous response to the same instrument; null for a first response
 * @param worsened whether the band moved to a more severe one since the previous response
 * @param flags scoring flags, e.g. a positive self-harm item
 */
public record QuestionnaireCompleted(
        UUID eventId,
        Instant occurredAt,
        int schemaVersion,
        UUID clientId,
        UUID responseId,
        String code,
        int total,
        int maxTotal,
        String band,
        String previousBand,
        boolean worsened,
        List<String> flags)
        implements AttuneEvent {

    public QuestionnaireCompleted {
        Require.header(eventId, occurredAt, schemaVersion, clientId);
        Require.nonNull(responseId, "responseId");
        Require.nonBlank(code, "code");
        Require.positive(maxTotal, "maxTotal");
        Require.between(total, 0, maxTotal, "total");
        Require.nonBlank(band, "band");
        flags = Require.list(flags, "flags");
    }

    public static QuestionnaireCompleted of(
            UUID clientId,
            UUID responseId,
            String code,
            int total,
            int maxTotal,
            String band,
            String previousBand,
            boolean worsened,
            List<String> flags) {
        return new QuestionnaireCompleted(
                UUID.randomUUID(),
                Instant.now(),
                AttuneEvent.CURRENT_SCHEMA_VERSION,
                clientId,
                responseId,
                code,
                total,
                maxTotal,
                band,
                previousBand,
                worsened,
                flags);
    }
}
