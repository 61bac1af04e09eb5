package org.attune.webui.checkin;

import java.util.List;

/** A questionnaire as checkin-service defines it: items, their answer options and the bands of totals. */
public record Instrument(
        String code, String title, String about, String source, boolean validated, String prompt, List<Item> items) {

    /** Attune's own session check is asked on the after-session page, not among the questionnaires. */
    public static final String SESSION_CONNECTION = "SESSION-CONNECTION";

    public Instrument {
        items = List.copyOf(items);
    }

    public record Item(String id, String text, List<Option> options) {
        public Item {
            options = List.copyOf(options);
        }
    }

    public record Option(int value, String label) {}
}
