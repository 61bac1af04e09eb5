package org.attune.webui.safety;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A client's safety plan as checkin-service keeps it: the latest version ({@code version} 0 before the first save)
 * and the suggestions that concern the reader (the client's open ones, or a therapist's own).
 */
public record SafetyPlan(
        int version, Instant savedAt, Map<PlanSection, List<String>> sections, List<Suggestion> suggestions) {

    public SafetyPlan {
        var all = new EnumMap<PlanSection, List<String>>(PlanSection.class);
        for (var section : PlanSection.values()) {
            var entries = sections == null ? null : sections.get(section);
            all.put(section, entries == null ? List.of() : List.copyOf(entries));
        }
        sections = java.util.Collections.unmodifiableMap(all);
        suggestions = suggestions == null ? List.of() : List.copyOf(suggestions);
    }

    public static SafetyPlan empty() {
        return new SafetyPlan(0, null, Map.of(), List.of());
    }

    public boolean written() {
        return version > 0 && sections.values().stream().anyMatch(entries -> !entries.isEmpty());
    }

    public List<String> entries(PlanSection section) {
        return sections.get(section);
    }

    /** A therapist's proposed wording for one section; {@code status} OPEN, ACCEPTED or DECLINED. */
    public record Suggestion(
            String id,
            UUID therapistId,
            PlanSection section,
            List<String> entries,
            String note,
            Instant suggestedAt,
            String status) {

        public Suggestion {
            entries = entries == null ? List.of() : List.copyOf(entries);
        }
    }
}
