package org.attune.checkin.safetyplan;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A therapist's proposed change to one section of a client's plan: the section's entries as they would read. The
 * plan changes only when the client accepts it (a new version); declining leaves the plan as it is.
 *
 * @param therapistId null once the therapist's account is erased
 * @param basedOnVersion the plan version the therapist saw when suggesting
 */
@Document(Suggestion.COLLECTION)
record Suggestion(
        @Id String id,
        UUID clientId,
        UUID therapistId,
        SafetyPlanSection section,
        List<String> entries,
        String note,
        int basedOnVersion,
        Instant suggestedAt,
        Status status,
        Instant decidedAt,
        Integer acceptedAsVersion) {

    static final String COLLECTION = "safety_plan_suggestions";

    enum Status {
        OPEN,
        ACCEPTED,
        DECLINED
    }
}
