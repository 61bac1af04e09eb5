package org.attune.events;

/** What raised a safety flag; drives which safety resources and alerts follow. */
public enum SafetyFlagReason {
    SELF_HARM_ITEM,
    HELP_NOW,
    SEVERE_BAND
}
