package org.attune.webui.settings;

import java.util.Optional;
import org.attune.webui.security.Caller;
import org.attune.webui.settings.SettingsGateway.Saved;

/** A therapist's safety-alert settings in notification-service ({@code /api/v1/alert-settings}). */
public interface AlertSettingsGateway {

    /** The service's own window for a therapist who never chose (four hours). */
    int DEFAULT_WINDOW_MINUTES = 240;

    /**
     * @param acknowledgementWindowMinutes how long an alert waits for an acknowledgement before it is sent again
     * @param escalationEmail where escalations go besides the therapist's own address; null for nowhere else
     */
    record AlertSettings(int acknowledgementWindowMinutes, String escalationEmail) {}

    /** The saved settings (the service answers with its defaults before any were saved); empty when it did not answer. */
    Optional<AlertSettings> alertSettings(Caller therapist);

    Saved saveAlertSettings(Caller therapist, AlertSettings settings);
}
