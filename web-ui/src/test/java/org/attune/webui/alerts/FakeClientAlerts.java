package org.attune.webui.alerts;

import java.util.List;
import java.util.Optional;
import org.attune.webui.security.Caller;

/** The client's alerts as a test sets them; {@code down} answers like a checkin-service that did not answer. */
public class FakeClientAlerts implements ClientAlertsGateway {

    public volatile List<ClientAlert> alerts = List.of();
    public volatile boolean shared = true;
    public volatile boolean down;

    @Override
    public Optional<Alerts> recent(Caller client) {
        return down ? Optional.empty() : Optional.of(new Alerts(alerts, shared));
    }

    public void reset() {
        alerts = List.of();
        shared = true;
        down = false;
    }
}
