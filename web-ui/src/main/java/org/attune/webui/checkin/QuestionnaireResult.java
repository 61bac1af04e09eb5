package org.attune.webui.checkin;

import java.util.List;

/** A scored questionnaire; {@code flags} holds the flag codes the definition raised, e.g. {@code SELF_HARM_ITEM}. */
public record QuestionnaireResult(
        String code, int total, int maxTotal, String band, String bandLabel, List<String> flags) {

    public static final String SELF_HARM_ITEM = "SELF_HARM_ITEM";

    public QuestionnaireResult {
        flags = flags == null ? List.of() : List.copyOf(flags);
    }

    /** An answer above 0 on the item about self-harm: crisis resources come first, whatever the total. */
    public boolean selfHarmItem() {
        return flags.contains(SELF_HARM_ITEM);
    }
}
