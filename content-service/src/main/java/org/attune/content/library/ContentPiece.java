package org.attune.content.library;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One piece of the library as stored: front matter, the Markdown body as text, a normalised token list for search
 * and the hash of its source file, so a restart only touches pieces whose file changed.
 */
@Document("content")
public record ContentPiece(
        @Id String slug,
        String title,
        ContentKind kind,
        List<String> topics,
        int minutes,
        String locale,
        String reviewedBy,
        String summary,
        List<Step> steps,
        Breathing breathing,
        String body,
        List<String> tokens,
        String hash,
        ContentStatus status,
        int version,
        Instant updatedAt) {

    /** One step of a guided exercise; {@code seconds} drives the UI's timer when present. */
    public record Step(String title, String text, Integer seconds) {}

    /** The pacing of a breathing exercise, for the visual timer. */
    public record Breathing(int inhaleSeconds, int holdSeconds, int exhaleSeconds, int cycles) {}

    public boolean active() {
        return status == ContentStatus.ACTIVE;
    }

    ContentPiece stored(ContentStatus newStatus, int newVersion, Instant at) {
        return new ContentPiece(
                slug,
                title,
                kind,
                topics,
                minutes,
                locale,
                reviewedBy,
                summary,
                steps,
                breathing,
                body,
                tokens,
                hash,
                newStatus,
                newVersion,
                at);
    }
}
