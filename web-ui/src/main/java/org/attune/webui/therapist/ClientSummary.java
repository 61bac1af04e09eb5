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

    /**
     * {@code change} is checkin-service's judgement from the first response to the latest (e.g.
     * RELIABLE_DETERIORATION), null with a single response or for an instrument without published change numbers.
     */
    public record InstrumentTrend(String code, String latestBand, String previousBand, String change) {

        public static final String RELIABLE_DETERIORATION = "RELIABLE_DETERIORATION";

        public boolean reliableDeterioration() {
            return RELIABLE_DETERIORATION.equals(change);
        }
    }

    public boolean anyReliableDeterioration() {
        return instrumentTrend != null && instrumentTrend.stream().anyMatch(InstrumentTrend::reliableDeterioration);
    }
}
