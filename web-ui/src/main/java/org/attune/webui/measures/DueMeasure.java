package org.attune.webui.measures;

import java.time.LocalDate;

/**
 * A questionnaire the client's therapist scheduled, as the client sees it: due now (open until {@code openUntil},
 * inclusive), coming up on {@code nextDue}, or paused by the client. Nothing here counts what went by unanswered.
 */
public record DueMeasure(
        String id, String code, String title, State state, LocalDate dueDate, LocalDate openUntil, LocalDate nextDue) {

    public enum State {
        DUE,
        UPCOMING,
        PAUSED
    }
}
