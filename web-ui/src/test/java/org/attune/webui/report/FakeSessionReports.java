package org.attune.webui.report;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.attune.webui.security.Caller;

/** Session reports as a test sets them; remembers the period asked for. */
public class FakeSessionReports implements SessionReports {

    public Optional<SessionReport> answer = Optional.empty();
    public LocalDate askedFrom;
    public LocalDate askedTo;

    @Override
    public Optional<SessionReport> own(Caller client, LocalDate from, LocalDate to) {
        askedFrom = from;
        askedTo = to;
        return answer;
    }

    @Override
    public Optional<SessionReport> ofClient(Caller therapist, UUID clientId, LocalDate from, LocalDate to) {
        askedFrom = from;
        askedTo = to;
        return answer;
    }
}
