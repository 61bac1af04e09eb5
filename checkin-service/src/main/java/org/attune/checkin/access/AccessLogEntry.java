package org.attune.checkin.access;

import java.time.Instant;
import java.util.UUID;
import org.attune.events.DataClass;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** One therapist read of one data class of a client's data. */
@Document(AccessLogEntry.COLLECTION)
public record AccessLogEntry(
        @Id String id, UUID clientId, UUID therapistId, DataClass dataClass, String resource, Instant at) {

    public static final String COLLECTION = "access_log";
}
