package org.attune.events;

/** Kinds of client data a consent can share with a therapist; consent is granted per class. */
public enum DataClass {
    MOOD_CHECKINS,
    INSTRUMENT_SCORES,
    SESSION_FEEDBACK,
    NOTES,
    CONTENT_ACTIVITY,
    SAFETY_ALERTS
}
