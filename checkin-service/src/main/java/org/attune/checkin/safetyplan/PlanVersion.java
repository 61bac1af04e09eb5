package org.attune.checkin.safetyplan;

import java.time.Instant;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One saved version of a client's safety plan ({@code _id} = clientId:version, so two saves racing for the same
 * number cannot both win). Versions are never changed; the highest is the plan.
 *
 * @param acceptedSuggestion the therapist's suggestion this version took up, if that is how it came about
 */
@Document(PlanVersion.COLLECTION)
record PlanVersion(
        @Id String id, UUID clientId, int version, PlanSections sections, Instant savedAt, String acceptedSuggestion) {

    static final String COLLECTION = "safety_plan_versions";

    static String idOf(UUID clientId, int version) {
        return clientId + ":" + version;
    }
}
