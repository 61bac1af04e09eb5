package org.attune.content.library;

import java.util.Set;

/** The topics the library is organised by; a piece with any other topic is rejected. */
public final class KnownTopics {

    public static final Set<String> ALL = Set.of(
            "consistent-presence",
            "boundaries",
            "co-regulation",
            "repair",
            "window-of-tolerance",
            "grounding",
            "breathing",
            "orienting",
            "people-pleasing",
            "numbing",
            "hyper-independence",
            "red-flags",
            "advocating-needs",
            "therapy-pace",
            "self-compassion",
            "crisis");

    private KnownTopics() {}
}
