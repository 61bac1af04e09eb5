package org.attune.content.library;

/** What a piece is: something to read, to practise step by step, words to say, or questions to sit with. */
public enum ContentKind {
    READING,
    EXERCISE,
    SCRIPT,
    REFLECTION
}
