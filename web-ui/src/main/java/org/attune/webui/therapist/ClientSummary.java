package org.attune.webui.therapist;

import java.time.Instant;
import java.util.List;

/**
 * What the clients list shows per client (checkin-service {@code GET /api/v1/clients/{id}/summary}). A part the
 * grant does not cover is absent: {@code moodShared} false, {@code openSafetyFlags} null, {@code instrumentTrend}
 * null, {@code feedbackShared} false.
 */
public record ClientSummary(
        boolean moodShared,
        Instant lastCheckInAt,
        List<Double> recentMood,
        Integer openSafetyFlags,
        boolean feedbackShared,
        Rupture lastRupture,
        List<InstrumentTrend> instrumentTrend) {

    public ClientSummary {
        recentMood = recentMood == null
                ? List.of()
                : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(recentMood));
    }

    public record Rupture(Instant recordedAt, String reason) {}

    public record InstrumentTrend(String code, String latestBand, String previousBand, boolean worsening) {}

    public boolean anyWorsening() {
        return instrumentTrend != null && instrumentTrend.stream().anyMatch(InstrumentTrend::worsening);
    }
}
