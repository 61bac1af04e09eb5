package org.attune.webui.safety;

/**
 * The seven parts of a Stanley–Brown safety plan, in order; {@code field} is the part's name in checkin-service's
 * {@code sections} object. Their titles and prompts are in the bundle ({@code safety-plan.section.<NAME>}).
 */
public enum PlanSection {
    WARNING_SIGNS("warningSigns"),
    OWN_COPING("ownCoping"),
    DISTRACTIONS("distractions"),
    PEOPLE_TO_ASK("peopleToAsk"),
    PROFESSIONALS("professionals"),
    SAFER_SURROUNDINGS("saferSurroundings"),
    REASONS_FOR_LIVING("reasonsForLiving");

    /** checkin-service's limits, so a form can say them before sending. */
    public static final int MAX_ENTRIES = 20;

    public static final int MAX_ENTRY_LENGTH = 500;

    private final String field;

    PlanSection(String field) {
        this.field = field;
    }

    public String field() {
        return field;
    }

    public String titleKey() {
        return "safety-plan.section." + name();
    }

    /** The section a service's field name ({@code sections.peopleToAsk[2]}) points at, if any. */
    public static java.util.Optional<PlanSection> ofField(String path) {
        for (var section : values()) {
            if (path != null
                    && (path.equals("sections." + section.field)
                            || path.startsWith("sections." + section.field + "["))) {
                return java.util.Optional.of(section);
            }
        }
        return java.util.Optional.empty();
    }
}
