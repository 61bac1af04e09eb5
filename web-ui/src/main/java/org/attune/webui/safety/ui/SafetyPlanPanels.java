package org.attune.webui.safety.ui;

import java.util.UUID;
import org.attune.webui.safety.SafetyGateway;
import org.attune.webui.security.Caller;
import org.springframework.stereotype.Component;

/** Makes the read-only safety-plan panel of the therapist's client dashboard. */
@Component
public class SafetyPlanPanels {

    private final SafetyGateway gateway;

    SafetyPlanPanels(SafetyGateway gateway) {
        this.gateway = gateway;
    }

    /** For a therapist holding SAFETY_ALERTS for this client: the plan is read once, when the panel is made. */
    public TherapistSafetyPlanPanel create(Caller therapist, UUID clientId) {
        if (!therapist.isTherapist()) {
            throw new IllegalStateException("Only a therapist reads a client's safety plan here");
        }
        return new TherapistSafetyPlanPanel(gateway, therapist, clientId);
    }
}
