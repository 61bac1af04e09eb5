package org.attune.webui.report;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.attune.webui.security.Caller;

/** Gathers a session report through the services; empty when nothing could be read or nothing is shared. */
public interface SessionReports {

    Optional<SessionReport> own(Caller client, LocalDate from, LocalDate to);

    Optional<SessionReport> ofClient(Caller therapist, UUID clientId, LocalDate from, LocalDate to);
}
