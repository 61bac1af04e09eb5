package org.attune.webui.safety;

/** Of the client's recent safety alerts, how many a therapist has acknowledged. */
public record AlertsSeen(int total, int seen) {

    /** Alerts this old or newer count as recent: long enough to cover a hard week, short enough to stay current. */
    public static final java.time.Duration RECENT = java.time.Duration.ofDays(7);
}
