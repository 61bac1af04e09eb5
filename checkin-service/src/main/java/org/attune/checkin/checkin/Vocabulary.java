package org.attune.checkin.checkin;

import java.util.List;
import java.util.Set;

/** The words a check-in offers: a fixed emotion list (free words are allowed too) and the optional pattern tags. */
public final class Vocabulary {

    public static final List<String> EMOTIONS = List.of(
            "calm",
            "content",
            "hopeful",
            "grateful",
            "connected",
            "proud",
            "relieved",
            "tired",
            "numb",
            "sad",
            "lonely",
            "anxious",
            "worried",
            "overwhelmed",
            "frustrated",
            "angry",
            "ashamed",
            "guilty",
            "restless",
            "scared");

    public static final List<String> PATTERN_TAGS =
            List.of("people-pleasing", "numbing", "hyper-independence", "red-flag-noticed", "needs-advocated");

    public static final int MAX_EMOTIONS = 5;
    public static final int MAX_FREE_WORD_LENGTH = 30;

    private static final Set<String> EMOTION_SET = Set.copyOf(EMOTIONS);

    private Vocabulary() {}

    public static boolean isListedEmotion(String word) {
        return EMOTION_SET.contains(word);
    }
}
