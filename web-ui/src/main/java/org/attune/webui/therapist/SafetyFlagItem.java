package org.attune.webui.therapist;

import java.time.Instant;

/** A client's safety flag as the therapist sees it; {@code acknowledgedAt} null while open. */
public record SafetyFlagItem(String id, String reason, String source, Instant raisedAt, Instant acknowledgedAt) {

    public boolean isOpen() {
        return acknowledgedAt == null;
    }
}
