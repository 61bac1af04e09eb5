package org.attune.checkin.checkin;

import java.util.List;
import java.util.Set;
import org.attune.events.CheckInVocabulary;

/** The words a check-in offers: a fixed emotion list (free words are allowed too) and the optional pattern tags. */
public final class Vocabulary {

    public static final List<String> EMOTIONS = CheckInVocabulary.EMOTIONS;

    public static final List<String> PATTERN_TAGS = CheckInVocabulary.PATTERN_TAGS;

    public static final int MAX_EMOTIONS = CheckInVocabulary.MAX_EMOTIONS;
    public static final int MAX_FREE_WORD_LENGTH = CheckInVocabulary.MAX_FREE_WORD_LENGTH;

    private static final Set<String> EMOTION_SET = Set.copyOf(EMOTIONS);

    private Vocabulary() {}

    public static boolean isListedEmotion(String word) {
        return EMOTION_SET.contains(word);
    }
}
