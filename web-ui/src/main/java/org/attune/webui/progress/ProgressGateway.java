package org.attune.webui.progress;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.attune.webui.security.Caller;

/** Progress figures from checkin-service; empty when the service did not answer (or refused). */
public interface ProgressGateway {

    Optional<ProgressData> own(Caller client, LocalDate from, LocalDate to);

    Optional<ProgressData> ofClient(Caller therapist, UUID clientId, LocalDate from, LocalDate to);
}
