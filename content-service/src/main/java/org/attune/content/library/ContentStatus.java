package org.attune.content.library;

/** A piece is ACTIVE while its file ships with the service and RETIRED once the file is gone. */
public enum ContentStatus {
    ACTIVE,
    RETIRED
}
