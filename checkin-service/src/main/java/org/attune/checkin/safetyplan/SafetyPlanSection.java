package org.attune.checkin.safetyplan;

/**
 * The seven parts of a Stanley–Brown safety plan, in the order a person works through them when things get hard.
 * {@code field} is the section's name in a plan's {@code sections} object.
 */
public enum SafetyPlanSection {
    WARNING_SIGNS("warningSigns"),
    OWN_COPING("ownCoping"),
    DISTRACTIONS("distractions"),
    PEOPLE_TO_ASK("peopleToAsk"),
    PROFESSIONALS("professionals"),
    SAFER_SURROUNDINGS("saferSurroundings"),
    REASONS_FOR_LIVING("reasonsForLiving");

    private final String field;

    SafetyPlanSection(String field) {
        this.field = field;
    }

    public String field() {
        return field;
    }
}
