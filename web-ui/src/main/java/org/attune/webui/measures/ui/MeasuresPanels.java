package org.attune.webui.measures.ui;

import java.time.Clock;
import java.util.UUID;
import org.attune.webui.measures.MeasuresGateway;
import org.attune.webui.security.Caller;
import org.springframework.stereotype.Component;

/** Makes the therapist's "scheduled measures" panel for one client, and the client's own sections. */
@Component
public class MeasuresPanels {

    private final MeasuresGateway gateway;
    private final Clock clock;

    MeasuresPanels(MeasuresGateway gateway, Clock clock) {
        this.gateway = gateway;
        this.clock = clock;
    }

    /** The panel for a therapist (known already, e.g. in a live view updating outside a request). */
    public MeasuresPanel create(Caller therapist, UUID clientId) {
        if (!therapist.isTherapist()) {
            throw new IllegalStateException("Only a therapist schedules measures");
        }
        return new MeasuresPanel(gateway, therapist, clientId, clock);
    }

    /** The client's section: only what is due now (Today) or everything (Questionnaires). */
    public DueMeasuresSection forClient(boolean everything, java.util.function.Consumer<String> answer) {
        return new DueMeasuresSection(gateway, everything, answer);
    }
}
