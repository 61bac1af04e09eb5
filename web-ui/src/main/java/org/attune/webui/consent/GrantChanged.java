package org.attune.webui.consent;

import java.util.UUID;

/**
 * Published in-process (Spring application event) when a grant starts (its {@code ConsentGranted} went out) or ends
 * (revoked, expired or erased), so open therapist views can follow at once.
 */
public record GrantChanged(UUID clientId, UUID therapistId, boolean active) {}
