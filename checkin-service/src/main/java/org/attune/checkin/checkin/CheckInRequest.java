package org.attune.checkin.checkin;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.attune.checkin.web.RecordedAt;
import org.attune.events.WindowOfTolerance;
import org.attune.kit.web.FieldRules;

/** The body of {@code POST /api/v1/checkins}; every field is checked by {@link #validate}. */
record CheckInRequest(
        Integer mood,
        WindowOfTolerance window,
        List<String> emotions,
        Integer energy,
        Double sleepHours,
        List<String> tags,
        String note,
        LocalDate localDate,
        Instant recordedAt) {

    static final int MAX_NOTE_LENGTH = 2000;

    /**
     * Checks every rule and returns the request with emotion words trimmed and lower-cased, {@code recordedAt} set
     * (now unless backdated) and {@code localDate} set (the UTC day of {@code recordedAt} unless given).
     */
    CheckInRequest validate(Instant now) {
        var rules = new FieldRules();
        var at = RecordedAt.resolve(recordedAt, now, rules);
        var day = LocalDate.ofInstant(at, ZoneOffset.UTC);
        rules.range("mood", mood, 0, 10, true);
        rules.required("window", window);
        rules.range("energy", energy, 0, 10, true);
        if (sleepHours != null && !(sleepHours >= 0 && sleepHours <= 24)) {
            rules.add("sleepHours", "must be between 0 and 24");
        }
        List<String> cleanEmotions = new ArrayList<>();
        if (emotions != null) {
            if (emotions.size() > Vocabulary.MAX_EMOTIONS) {
                rules.add("emotions", "choose at most " + Vocabulary.MAX_EMOTIONS + " words");
            }
            for (int i = 0; i < emotions.size(); i++) {
                String word = emotions.get(i);
                String field = "emotions[" + i + "]";
                if (word == null || word.isBlank()) {
                    rules.add(field, "must not be empty");
                    continue;
                }
                String clean = word.strip().toLowerCase(Locale.ROOT);
                if (clean.length() > Vocabulary.MAX_FREE_WORD_LENGTH) {
                    rules.add(field, "must be at most " + Vocabulary.MAX_FREE_WORD_LENGTH + " characters");
                } else if (clean.chars().anyMatch(Character::isISOControl)) {
                    rules.add(field, "must not contain control characters");
                } else if (!cleanEmotions.contains(clean)) {
                    cleanEmotions.add(clean);
                }
            }
        }
        List<String> cleanTags = new ArrayList<>();
        if (tags != null) {
            for (int i = 0; i < tags.size(); i++) {
                String tag = tags.get(i);
                if (tag == null || !Vocabulary.PATTERN_TAGS.contains(tag)) {
                    rules.add("tags[" + i + "]", "must be one of " + String.join(", ", Vocabulary.PATTERN_TAGS));
                } else if (!cleanTags.contains(tag)) {
                    cleanTags.add(tag);
                }
            }
        }
        rules.maxLength("note", note, MAX_NOTE_LENGTH);
        // The client's own day may differ from the UTC day of the check-in by a time zone, never by more.
        if (localDate != null && (localDate.isBefore(day.minusDays(1)) || localDate.isAfter(day.plusDays(1)))) {
            rules.add("localDate", "must be the day of the check-in in your time zone");
        }
        rules.throwIfAny();
        String cleanNote = note == null || note.isBlank() ? null : note;
        return new CheckInRequest(
                mood,
                window,
                cleanEmotions,
                energy,
                sleepHours,
                cleanTags,
                cleanNote,
                localDate == null ? day : localDate,
                at);
    }
}
