package org.attune.webui.checkin;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.attune.webui.security.Caller;

/**
 * What the client's check-in pages ask of checkin-service. Every call is made as the signed-in client; an empty
 * answer or {@link Outcome.Unavailable} means the service did not answer, never "there is nothing".
 */
public interface CheckinGateway {

    /** {@code POST /api/v1/checkins}; the same key twice stores one check-in. */
    Outcome<String> recordCheckIn(Caller client, CheckInForm form, String idempotencyKey);

    /** {@code GET /api/v1/checkins?from=&to=}: the client's own check-ins of those days, newest first. */
    Optional<List<CheckInEntry>> checkIns(Caller client, LocalDate from, LocalDate to);

    /** {@code POST /api/v1/help-now}: true when the service stored the safety flag (so an alert will follow). */
    boolean raiseHelpNow(Caller client);

    /** {@code GET /api/v1/questionnaires}. */
    Optional<List<Instrument>> instruments(Caller client);

    /** {@code POST /api/v1/questionnaires/{code}/responses}, answers keyed by item id. */
    Outcome<QuestionnaireResult> respond(Caller client, String code, Map<String, Integer> answers);

    /** {@code POST /api/v1/session-feedback}. */
    Outcome<FeedbackEntry> recordFeedback(Caller client, FeedbackForm form);

    /** {@code POST /api/v1/session-feedback/{id}/share}: true when the service took it. */
    boolean shareFeedback(Caller client, String feedbackId, boolean includeComment);

    /** {@code GET /api/v1/session-feedback?from=&to=}: the client's own checks of those days. */
    Optional<List<FeedbackEntry>> feedback(Caller client, LocalDate from, LocalDate to);
}
