package org.attune.checkin.safetyplan;

import java.util.ArrayList;
import java.util.List;
import org.attune.kit.web.FieldRules;

/**
 * What a safety plan says, section by section: short entries in the client's own words. Missing sections are
 * empty; entries are trimmed and blank ones dropped before the limits are checked.
 */
public record PlanSections(
        List<String> warningSigns,
        List<String> ownCoping,
        List<String> distractions,
        List<String> peopleToAsk,
        List<String> professionals,
        List<String> saferSurroundings,
        List<String> reasonsForLiving) {

    static final int MAX_ENTRIES = 20;
    static final int MAX_ENTRY_LENGTH = 500;

    public static final PlanSections EMPTY = new PlanSections(null, null, null, null, null, null, null);

    public PlanSections {
        warningSigns = tidy(warningSigns);
        ownCoping = tidy(ownCoping);
        distractions = tidy(distractions);
        peopleToAsk = tidy(peopleToAsk);
        professionals = tidy(professionals);
        saferSurroundings = tidy(saferSurroundings);
        reasonsForLiving = tidy(reasonsForLiving);
    }

    static List<String> tidy(List<String> entries) {
        if (entries == null) {
            return List.of();
        }
        var kept = new ArrayList<String>();
        for (var entry : entries) {
            if (entry != null && !entry.isBlank()) {
                kept.add(entry.strip());
            }
        }
        return List.copyOf(kept);
    }

    public List<String> get(SafetyPlanSection section) {
        return switch (section) {
            case WARNING_SIGNS -> warningSigns;
            case OWN_COPING -> ownCoping;
            case DISTRACTIONS -> distractions;
            case PEOPLE_TO_ASK -> peopleToAsk;
            case PROFESSIONALS -> professionals;
            case SAFER_SURROUNDINGS -> saferSurroundings;
            case REASONS_FOR_LIVING -> reasonsForLiving;
        };
    }

    /** The same plan with one section's entries replaced. */
    public PlanSections with(SafetyPlanSection section, List<String> entries) {
        var all = new java.util.EnumMap<SafetyPlanSection, List<String>>(SafetyPlanSection.class);
        for (var each : SafetyPlanSection.values()) {
            all.put(each, each == section ? entries : get(each));
        }
        return new PlanSections(
                all.get(SafetyPlanSection.WARNING_SIGNS),
                all.get(SafetyPlanSection.OWN_COPING),
                all.get(SafetyPlanSection.DISTRACTIONS),
                all.get(SafetyPlanSection.PEOPLE_TO_ASK),
                all.get(SafetyPlanSection.PROFESSIONALS),
                all.get(SafetyPlanSection.SAFER_SURROUNDINGS),
                all.get(SafetyPlanSection.REASONS_FOR_LIVING));
    }

    public boolean isEmpty() {
        for (var section : SafetyPlanSection.values()) {
            if (!get(section).isEmpty()) {
                return false;
            }
        }
        return true;
    }

    /** Checks every section against the limits, naming fields as {@code prefix.section[index]}. */
    void check(String prefix, FieldRules rules) {
        for (var section : SafetyPlanSection.values()) {
            checkEntries(prefix + "." + section.field(), get(section), rules);
        }
    }

    static void checkEntries(String field, List<String> entries, FieldRules rules) {
        if (entries.size() > MAX_ENTRIES) {
            rules.add(field, "must have at most " + MAX_ENTRIES + " entries");
        }
        for (int i = 0; i < entries.size(); i++) {
            rules.maxLength(field + "[" + i + "]", entries.get(i), MAX_ENTRY_LENGTH);
        }
    }
}
