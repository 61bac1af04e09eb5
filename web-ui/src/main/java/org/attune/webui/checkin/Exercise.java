package org.attune.webui.checkin;

import java.util.List;

/** A short regulation exercise from the library, with its steps when the library gave them. */
public record Exercise(String slug, String title, String summary, int minutes, List<Step> steps) {

    public Exercise {
        steps = steps == null ? List.of() : List.copyOf(steps);
    }

    public record Step(String title, String text, Integer seconds) {}

    /** Where the library shows it (the library route is {@code library/{slug}}). */
    public String libraryPath() {
        return "library/" + slug;
    }
}
