package org.attune.events;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * A client let a therapist see some classes of their data, from {@code startsAt} until {@code endsAt} (open-ended when
 * null) or a later {@link ConsentRevoked}.
 *
 * @param dataClasses what is shared; never empty, since a grant of nothing is not a consent
 */
public record ConsentGranted(
        UUID eventId,
        Instant occurredAt,
        int schemaVersion,
        UUID clientId,
        UUID consentId,
        UUID therapistId,
        Set<DataClass> dataClasses,
        Instant startsAt,
        Instant endsAt)
        implements AttuneEvent {

    public ConsentGranted {
        Require.header(eventId, occurredAt, schemaVersion, clientId);
        Require.nonNull(consentId, "consentId");
        Require.nonNull(therapistId, "therapistId");
        dataClasses = Require.enumSet(dataClasses, DataClass.class, "dataClasses");
        if (dataClasses.isEmpty()) {
            throw new IllegalArgumentException("dataClasses must not be empty");
        }
        Require.nonNull(startsAt, "startsAt");
        if (endsAt != null && !endsAt.isAfter(startsAt)) {
            throw new IllegalArgumentException("endsAt must be after startsAt");
        }
    }

    public static ConsentGranted of(
            UUID clientId,
            UUID consentId,
            UUID therapistId,
            Set<DataClass> dataClasses,
            Instant startsAt,
            Instant endsAt) {
        return new ConsentGranted(
                UUID.randomUUID(),
                Instant.now(),
                AttuneEvent.CURRENT_SCHEMA_VERSION,
                clientId,
                consentId,
                therapistId,
                dataClasses,
                startsAt,
                endsAt);
    }

    /**
     * {@code clientId:therapistId} ({@link Topics#consentKey}): the consent topic is compacted per client–therapist
     * pair, so the latest grant or revocation wins, and an erasure tombstones exactly the erased account's pairs.
     */
    @Override
    public String kafkaKey() {
        return Topics.consentKey(clientId(), therapistId());
    }
}
