package org.attune.checkin.safetyplan;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A safety plan as its reader sees it: the latest version ({@code version} 0 and empty sections when none is
 * written yet) and the suggestions that concern the reader (the client's open ones; a therapist's own).
 */
record PlanView(int version, Instant savedAt, PlanSections sections, List<SuggestionView> suggestions) {

    static PlanView of(PlanVersion latest, List<Suggestion> suggestions) {
        var shown = suggestions.stream().map(SuggestionView::of).toList();
        return latest == null
                ? new PlanView(0, null, PlanSections.EMPTY, shown)
                : new PlanView(latest.version(), latest.savedAt(), latest.sections(), shown);
    }

    /** {@code therapistId} is null once the therapist's account is erased. */
    record SuggestionView(
            String id,
            UUID therapistId,
            SafetyPlanSection section,
            List<String> entries,
            String note,
            int basedOnVersion,
            Instant suggestedAt,
            Suggestion.Status status,
            Instant decidedAt) {

        static SuggestionView of(Suggestion s) {
            return new SuggestionView(
                    s.id(),
                    s.therapistId(),
                    s.section(),
                    s.entries(),
                    s.note(),
                    s.basedOnVersion(),
                    s.suggestedAt(),
                    s.status(),
                    s.decidedAt());
        }
    }

    /** One saved version; {@code fromSuggestion} when it took up a therapist's suggestion. */
    record VersionView(int version, Instant savedAt, PlanSections sections, boolean fromSuggestion) {
        static VersionView of(PlanVersion v) {
            return new VersionView(v.version(), v.savedAt(), v.sections(), v.acceptedSuggestion() != null);
        }
    }
}
