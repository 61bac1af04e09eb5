package org.attune.webui.checkin;

import java.util.List;
import org.attune.events.CheckInVocabulary;

/**
 * The words a check-in offers, the same lists checkin-service accepts ({@code checkin.Vocabulary} there): the fixed
 * emotion words (free words are allowed too), at most five in all, and the optional pattern tags.
 */
public final class Vocabulary {

    public static final List<String> EMOTIONS = CheckInVocabulary.EMOTIONS;

    public static final List<String> PATTERN_TAGS = CheckInVocabulary.PATTERN_TAGS;

    public static final int MAX_EMOTIONS = CheckInVocabulary.MAX_EMOTIONS;
    public static final int MAX_FREE_WORD_LENGTH = CheckInVocabulary.MAX_FREE_WORD_LENGTH;
    public static final int MAX_NOTE_LENGTH = CheckInVocabulary.MAX_NOTE_LENGTH;

    private Vocabulary() {}
}
