package org.attune.webui.measures;

import java.util.Map;

/** What came of scheduling a measure. */
public sealed interface AssignResult {

    record Scheduled(ScheduledMeasure measure) implements AssignResult {}

    /** checkin-service named fields to look at again (by field: {@code code}, {@code every}, {@code windowDays}, …). */
    record Invalid(Map<String, String> fields) implements AssignResult {
        public Invalid {
            fields = Map.copyOf(fields);
        }
    }

    /** The client does not share instrument scores with this therapist (any more). */
    record NotShared() implements AssignResult {}

    /** The same questionnaire is already scheduled for this client. */
    record AlreadyScheduled() implements AssignResult {}

    record Unavailable() implements AssignResult {}
}
