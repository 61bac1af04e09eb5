package org.attune.webui.consent;

/**
 * FHIR Consent's lifecycle: PROPOSED while stored but not yet announced to the services, ACTIVE once its
 * {@code ConsentGranted} is published, INACTIVE after a revoke, expiry or erasure.
 */
public enum GrantStatus {
    PROPOSED,
    ACTIVE,
    INACTIVE
}
