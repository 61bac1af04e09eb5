package org.attune.kit.access;

import java.time.Instant;
import java.util.UUID;
import org.attune.events.DataClass;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One therapist read of one data class of a client's data. When the therapist erases their account, the entry stays
 * for the client with {@code therapistId} removed and {@code therapistErased} set: the trail is the client's.
 */
@Document(AccessLogEntry.COLLECTION)
public record AccessLogEntry(
        @Id String id,
        UUID clientId,
        UUID therapistId,
        boolean therapistErased,
        DataClass dataClass,
        String resource,
        Instant at) {

    public static final String COLLECTION = "access_log";

    /** How a client sees a reader whose account was erased. */
    public static final String ERASED_THERAPIST = "an erased therapist account";
}
