package org.attune.webui.checkin;

import java.util.List;
import java.util.Map;

/**
 * A questionnaire as checkin-service defines it: items, their answer options and the bands of totals, and the items
 * whose answer alone is a safety flag ({@code safetyItems}: item id → the lowest answer that raises it).
 */
public record Instrument(
        String code,
        String title,
        String about,
        String source,
        boolean validated,
        String prompt,
        List<Item> items,
        Map<String, Integer> safetyItems) {

    /** Attune's own session check is asked on the after-session page, not among the questionnaires. */
    public static final String SESSION_CONNECTION = "SESSION-CONNECTION";

    public Instrument {
        items = List.copyOf(items);
        safetyItems = safetyItems == null ? Map.of() : Map.copyOf(safetyItems);
    }

    public Instrument(
            String code,
            String title,
            String about,
            String source,
            boolean validated,
            String prompt,
            List<Item> items) {
        this(code, title, about, source, validated, prompt, items, Map.of());
    }

    /** True when these answers already hold a safety flag, such as PHQ-9's question 9 above 0. */
    public boolean safetyItemAnswered(Map<String, Integer> answers) {
        return safetyItems.entrySet().stream().anyMatch(rule -> {
            var answer = answers.get(rule.getKey());
            return answer != null && answer >= rule.getValue();
        });
    }

    public record Item(String id, String text, List<Option> options) {
        public Item {
            options = List.copyOf(options);
        }
    }

    public record Option(int value, String label) {}
}
