package org.attune.checkin.change;

import java.time.Instant;

/**
 * An instrument's change from the first (baseline) response to the latest, as progress and the therapist's summary
 * show it. {@code text} speaks to the client ("your scores"), {@code therapistText} to the therapist; both come from
 * {@code messages.properties}.
 */
public record Change(
        ChangeJudgement.Outcome outcome,
        int baselineTotal,
        Instant baselineAt,
        int latestTotal,
        Instant latestAt,
        int reliableChange,
        int caseness,
        String text,
        String therapistText) {}
