package org.attune.events;

/**
 * Kind of account. CLIENT and THERAPIST are the parties of consent and the only roles a service token carries;
 * OPERATOR runs a deployment (verifies therapists, suspends accounts) and never gets a service token or client data.
 */
public enum Role {
    CLIENT,
    THERAPIST,
    OPERATOR
}
