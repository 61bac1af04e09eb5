package org.attune.events;

/** Why a scheduled measure stopped for good. A pause is not a stop (see {@link MeasurePaused}). */
public enum MeasureStopReason {
    /** The client said no to the measure (one tap, no reason asked). */
    DECLINED_BY_CLIENT,
    /** The therapist's grant no longer covers instrument scores (revoked, ended or expired). */
    GRANT_ENDED
}
