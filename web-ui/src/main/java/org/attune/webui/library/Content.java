package org.attune.webui.library;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What web-ui shows of the content-service's library, recommendations and assignments. */
public final class Content {

    private Content() {}

    /** The kinds of piece the content-service knows. */
    public enum Kind {
        READING,
        EXERCISE,
        SCRIPT,
        REFLECTION
    }

    /** What a client did with a piece; COMPLETED is "I tried this", HELPFUL / NOT_HELPFUL how it felt. */
    public enum Engagement {
        OPENED,
        COMPLETED,
        HELPFUL,
        NOT_HELPFUL
    }

    public record Summary(String slug, String title, Kind kind, List<String> topics, int minutes, String summary) {}

    public record Page(List<Summary> items, long total) {}

    public record Step(String title, String text, Integer seconds) {}

    public record Breathing(int inhaleSeconds, int holdSeconds, int exhaleSeconds, int cycles) {}

    public record Piece(
            String slug,
            String title,
            Kind kind,
            int minutes,
            String reviewedBy,
            String summary,
            List<Step> steps,
            Breathing breathing,
            String markdownBody) {}

    public record Recommendation(String id, String slug, String title, String reason, boolean pinned) {}

    public record Assignment(
            String id,
            String slug,
            String title,
            String note,
            LocalDate dueDate,
            Instant assignedAt,
            boolean completed,
            Instant completedAt) {}
}
