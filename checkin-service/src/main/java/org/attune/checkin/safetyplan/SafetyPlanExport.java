package org.attune.checkin.safetyplan;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A client's safety plan in their export: every version, and every suggestion a therapist made for it. */
public record SafetyPlanExport(List<Version> versions, List<Suggestion> suggestions) {

    public record Version(int version, Instant savedAt, PlanSections sections, String acceptedSuggestion) {}

    public record Suggestion(
            String id,
            UUID therapistId,
            String section,
            List<String> entries,
            String note,
            int basedOnVersion,
            Instant suggestedAt,
            String status,
            Instant decidedAt,
            Integer acceptedAsVersion) {}
}
