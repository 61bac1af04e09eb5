package org.attune.webui.checkin;

import java.util.List;

/**
 * A short regulation exercise from the library, with its steps when the library gave them.
 *
 * @param reason why content-service recommended it, in its words; null when it gave none
 */
public record Exercise(String slug, String title, String summary, int minutes, List<Step> steps, String reason) {

    public Exercise {
        steps = steps == null ? List.of() : List.copyOf(steps);
    }

    public record Step(String title, String text, Integer seconds) {}

    /** Where the library shows it (the library route is {@code library/{slug}}). */
    public String libraryPath() {
        return "library/" + slug;
    }
}
