package org.attune.events;

import java.util.List;

/**
 * The words of a check-in, shared by whoever offers them (web-ui) and whoever accepts them (checkin-service): the
 * fixed emotion words (free words are allowed too, at most five in all) and the pattern tags of the domain brief.
 */
public final class CheckInVocabulary {

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
    public static final int MAX_NOTE_LENGTH = 2000;

    private CheckInVocabulary() {}
}
