package org.attune.content.library;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Reads one library file: YAML front matter between {@code ---} lines, then the Markdown body, kept as text. Strict:
 * an unknown key, a missing key or a value of the wrong kind is an error naming the file.
 */
final class LibraryParser {

    static final Set<String> REQUIRED =
            Set.of("slug", "title", "kind", "topics", "minutes", "locale", "reviewedBy", "summary");
    static final Set<String> ALLOWED = Set.of(
            "slug", "title", "kind", "topics", "minutes", "locale", "reviewedBy", "summary", "steps", "breathing");
    static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    static final int MAX_SUMMARY = 160;

    private LibraryParser() {}

    /** A parsed file: the piece plus its raw front matter and body, for the lint test. */
    record Parsed(ContentPiece piece, Map<String, Object> frontMatter, String body) {}

    static ContentPiece parse(String fileName, String raw) {
        return parseFully(fileName, raw).piece();
    }

    static Parsed parseFully(String fileName, String raw) {
        String text = raw.replace("\r\n", "\n");
        if (!text.startsWith("---\n")) {
            throw new LibraryFormatException(fileName, "must start with a --- line");
        }
        int end = text.indexOf("\n---\n", 3);
        if (end < 0) {
            throw new LibraryFormatException(fileName, "front matter has no closing --- line");
        }
        String yaml = text.substring(4, end + 1);
        String body = text.substring(end + 5).strip();
        Object loaded;
        try {
            loaded = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        } catch (RuntimeException e) {
            throw new LibraryFormatException(
                    fileName, "front matter is not valid YAML (" + e.getClass().getSimpleName() + ")");
        }
        if (!(loaded instanceof Map<?, ?> map)) {
            throw new LibraryFormatException(fileName, "front matter must be a mapping");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> fm = (Map<String, Object>) map;
        for (String key : fm.keySet()) {
            if (!ALLOWED.contains(key)) {
                throw new LibraryFormatException(fileName, "unknown key '" + key + "'");
            }
        }
        for (String key : REQUIRED) {
            if (!fm.containsKey(key)) {
                throw new LibraryFormatException(fileName, "missing key '" + key + "'");
            }
        }
        String slug = text(fileName, fm, "slug");
        if (!SLUG.matcher(slug).matches()) {
            throw new LibraryFormatException(fileName, "slug must be lower-case words joined by hyphens");
        }
        String baseName = fileName.contains("/") ? fileName.substring(fileName.lastIndexOf('/') + 1) : fileName;
        if (!baseName.equals(slug + ".md")) {
            throw new LibraryFormatException(fileName, "slug must match the file name");
        }
        ContentKind kind;
        try {
            kind = ContentKind.valueOf(text(fileName, fm, "kind"));
        } catch (IllegalArgumentException e) {
            throw new LibraryFormatException(fileName, "kind must be one of READING, EXERCISE, SCRIPT, REFLECTION");
        }
        List<String> topics = topics(fileName, fm.get("topics"));
        if (!(fm.get("minutes") instanceof Integer minutes) || minutes < 1 || minutes > 15) {
            throw new LibraryFormatException(fileName, "minutes must be a whole number from 1 to 15");
        }
        String summary = text(fileName, fm, "summary");
        if (summary.length() > MAX_SUMMARY) {
            throw new LibraryFormatException(fileName, "summary must be at most " + MAX_SUMMARY + " characters");
        }
        List<ContentPiece.Step> steps = steps(fileName, fm.get("steps"));
        if (kind == ContentKind.EXERCISE && steps.isEmpty()) {
            throw new LibraryFormatException(fileName, "an exercise needs steps the UI can guide");
        }
        ContentPiece.Breathing breathing = breathing(fileName, fm.get("breathing"));
        if (body.isEmpty()) {
            throw new LibraryFormatException(fileName, "body is empty");
        }
        String title = text(fileName, fm, "title");
        var piece = new ContentPiece(
                slug,
                title,
                kind,
                topics,
                minutes,
                text(fileName, fm, "locale"),
                text(fileName, fm, "reviewedBy"),
                summary,
                steps.isEmpty() ? null : steps,
                breathing,
                body,
                SearchTokens.of(title, summary, body, stepText(steps)),
                sha256(raw),
                ContentStatus.ACTIVE,
                0,
                null);
        return new Parsed(piece, fm, body);
    }

    private static String stepText(List<ContentPiece.Step> steps) {
        var text = new StringBuilder();
        steps.forEach(step ->
                text.append(step.title()).append(' ').append(step.text()).append(' '));
        return text.toString();
    }

    private static String text(String file, Map<String, Object> fm, String key) {
        if (!(fm.get(key) instanceof String value) || value.isBlank()) {
            throw new LibraryFormatException(file, "'" + key + "' must be non-empty text");
        }
        return value.strip();
    }

    private static List<String> topics(String file, Object value) {
        if (!(value instanceof List<?> list) || list.isEmpty() || list.size() > 3) {
            throw new LibraryFormatException(file, "topics must be a list of one to three topics");
        }
        var topics = new ArrayList<String>();
        for (Object topic : list) {
            if (!(topic instanceof String name) || !KnownTopics.ALL.contains(name)) {
                throw new LibraryFormatException(file, "unknown topic '" + topic + "'");
            }
            if (topics.contains(name)) {
                throw new LibraryFormatException(file, "topic '" + name + "' is listed twice");
            }
            topics.add(name);
        }
        return List.copyOf(topics);
    }

    private static List<ContentPiece.Step> steps(String file, Object value) {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list) || list.isEmpty()) {
            throw new LibraryFormatException(file, "steps must be a non-empty list");
        }
        var steps = new ArrayList<ContentPiece.Step>();
        for (Object item : list) {
            if (!(item instanceof Map<?, ?> step)
                    || !(step.get("title") instanceof String title)
                    || title.isBlank()
                    || !(step.get("text") instanceof String stepText)
                    || stepText.isBlank()) {
                throw new LibraryFormatException(file, "step " + (steps.size() + 1) + " needs a title and a text");
            }
            for (Object key : step.keySet()) {
                if (!Set.of("title", "text", "seconds").contains(key)) {
                    throw new LibraryFormatException(
                            file, "step " + (steps.size() + 1) + " has unknown key '" + key + "'");
                }
            }
            Object seconds = step.get("seconds");
            if (seconds != null && !(seconds instanceof Integer s && s > 0)) {
                throw new LibraryFormatException(
                        file, "step " + (steps.size() + 1) + " seconds must be a positive whole number");
            }
            steps.add(new ContentPiece.Step(title.strip(), stepText.strip(), (Integer) seconds));
        }
        return List.copyOf(steps);
    }

    private static ContentPiece.Breathing breathing(String file, Object value) {
        if (value == null) {
            return null;
        }
        if (!(value instanceof Map<?, ?> map)
                || !map.keySet().equals(Set.of("inhaleSeconds", "holdSeconds", "exhaleSeconds", "cycles"))
                || !map.values().stream().allMatch(v -> v instanceof Integer i && i >= 0)) {
            throw new LibraryFormatException(
                    file, "breathing needs whole-number inhaleSeconds, holdSeconds, exhaleSeconds and cycles");
        }
        return new ContentPiece.Breathing(
                (Integer) map.get("inhaleSeconds"),
                (Integer) map.get("holdSeconds"),
                (Integer) map.get("exhaleSeconds"),
                (Integer) map.get("cycles"));
    }

    private static String sha256(String raw) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(raw.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
