package org.attune.webui.therapist;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AttentionOrderTest {

    static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");

    private static ClientSummary calm() {
        return new ClientSummary(true, NOW.minus(Duration.ofHours(3)), List.of(5.0), 0, true, null, List.of());
    }

    private static AttentionOrder.Entry entry(String name, ClientSummary summary) {
        return new AttentionOrder.Entry(UUID.nameUUIDFromBytes(name.getBytes()), name, summary);
    }

    private static List<String> names(List<AttentionOrder.Ranked> ranked) {
        return ranked.stream().map(r -> r.entry().name()).toList();
    }

    @Test
    void safetyFlagsComeFirstThenRupturesThenQuietWeeksThenWorseningBandsThenEveryoneElse() {
        var flagged = new ClientSummary(true, NOW, List.of(), 1, true, null, List.of());
        var rupture = new ClientSummary(
                true,
                NOW,
                List.of(),
                0,
                true,
                new ClientSummary.Rupture(NOW.minus(Duration.ofDays(2)), "LOW_TOTAL"),
                List.of());
        var quiet = new ClientSummary(true, NOW.minus(Duration.ofDays(8)), List.of(), 0, true, null, List.of());
        var deteriorated = new ClientSummary(
                true,
                NOW,
                List.of(),
                0,
                true,
                null,
                List.of(new ClientSummary.InstrumentTrend("PHQ-9", "moderate", "mild", "RELIABLE_DETERIORATION")));

        var ranked = AttentionOrder.sort(
                List.of(
                        entry("Ada", calm()),
                        entry("Ben", deteriorated),
                        entry("Cy", quiet),
                        entry("Dee", rupture),
                        entry("Eve", flagged)),
                NOW);

        assertThat(names(ranked)).containsExactly("Eve", "Dee", "Cy", "Ben", "Ada");
        assertThat(ranked.getFirst().reasons()).containsExactly(AttentionOrder.Reason.SAFETY_FLAG);
        assertThat(ranked.getLast().reasons()).isEmpty();
    }

    @Test
    void aClientWithSeveralReasonsRanksByTheMostPressingAndShowsAllOfThem() {
        var both = new ClientSummary(
                true,
                NOW.minus(Duration.ofDays(10)),
                List.of(),
                0,
                true,
                null,
                List.of(new ClientSummary.InstrumentTrend("GAD-7", "severe", "moderate", "RELIABLE_DETERIORATION")));
        var rupture = new ClientSummary(
                true,
                NOW,
                List.of(),
                0,
                true,
                new ClientSummary.Rupture(NOW.minus(Duration.ofDays(1)), "LOW_TOTAL"),
                List.of());

        var ranked = AttentionOrder.sort(List.of(entry("Both", both), entry("Rupture", rupture)), NOW);

        assertThat(names(ranked)).containsExactly("Rupture", "Both");
        assertThat(ranked.getLast().reasons())
                .containsExactly(AttentionOrder.Reason.NO_RECENT_CHECKIN, AttentionOrder.Reason.RELIABLE_DETERIORATION);
    }

    @Test
    void aBandMovingUpWithoutReliableChangeDoesNotRaiseAClientAndAReliableDeteriorationWithinABandDoes() {
        var bandEdge = new ClientSummary(
                true,
                NOW,
                List.of(),
                0,
                true,
                null,
                List.of(new ClientSummary.InstrumentTrend("GAD-7", "mild", "minimal", "NO_RELIABLE_CHANGE")));
        var withinBand = new ClientSummary(
                true,
                NOW,
                List.of(),
                0,
                true,
                null,
                List.of(new ClientSummary.InstrumentTrend("PHQ-9", "mild", "mild", "RELIABLE_DETERIORATION")));
        var firstAnswer = new ClientSummary(
                true,
                NOW,
                List.of(),
                0,
                true,
                null,
                List.of(new ClientSummary.InstrumentTrend("PCL-5", "above-cutoff", null, null)));

        assertThat(AttentionOrder.reasons(bandEdge, NOW)).isEmpty();
        assertThat(AttentionOrder.reasons(firstAnswer, NOW)).isEmpty();
        assertThat(AttentionOrder.reasons(withinBand, NOW))
                .containsExactly(AttentionOrder.Reason.RELIABLE_DETERIORATION);
    }

    @Test
    void exactlySevenDaysWithoutACheckInCountsAndSixDaysDoesNot() {
        var seven = new ClientSummary(true, NOW.minus(Duration.ofDays(7)), List.of(), 0, true, null, List.of());
        var six = new ClientSummary(true, NOW.minus(Duration.ofDays(6)), List.of(), 0, true, null, List.of());
        var never = new ClientSummary(true, null, List.of(), 0, true, null, List.of());

        assertThat(AttentionOrder.reasons(seven, NOW)).containsExactly(AttentionOrder.Reason.NO_RECENT_CHECKIN);
        assertThat(AttentionOrder.reasons(six, NOW)).isEmpty();
        assertThat(AttentionOrder.reasons(never, NOW)).containsExactly(AttentionOrder.Reason.NO_RECENT_CHECKIN);
    }

    @Test
    void partsTheClientDoesNotShareNeverRaiseThem() {
        var nothingShared = new ClientSummary(false, null, List.of(), null, false, null, null);

        assertThat(AttentionOrder.reasons(nothingShared, NOW)).isEmpty();
    }

    @Test
    void anOldRuptureNoLongerRaisesTheClient() {
        var old = new ClientSummary(
                true,
                NOW,
                List.of(),
                0,
                true,
                new ClientSummary.Rupture(NOW.minus(Duration.ofDays(40)), "LOW_TOTAL"),
                List.of());

        assertThat(AttentionOrder.reasons(old, NOW)).isEmpty();
    }

    @Test
    void moreOpenFlagsFirstAndLongerQuietFirstWithinATierThenByName() {
        var oneFlag = new ClientSummary(true, NOW, List.of(), 1, true, null, List.of());
        var twoFlags = new ClientSummary(true, NOW, List.of(), 2, true, null, List.of());
        var quietTen = new ClientSummary(true, NOW.minus(Duration.ofDays(10)), List.of(), 0, true, null, List.of());
        var quietEight = new ClientSummary(true, NOW.minus(Duration.ofDays(8)), List.of(), 0, true, null, List.of());

        var ranked = AttentionOrder.sort(
                List.of(
                        entry("zed", calm()),
                        entry("Amy", calm()),
                        entry("Eight", quietEight),
                        entry("Ten", quietTen),
                        entry("One", oneFlag),
                        entry("Two", twoFlags)),
                NOW);

        assertThat(names(ranked)).containsExactly("Two", "One", "Ten", "Eight", "Amy", "zed");
    }

    @Test
    void aClientWhoseSummaryCouldNotBeLoadedIsStillListed() {
        var ranked = AttentionOrder.sort(
                List.of(
                        entry("Unknown", null),
                        entry("Flag", new ClientSummary(true, NOW, List.of(), 1, true, null, List.of()))),
                NOW);

        assertThat(names(ranked)).containsExactly("Flag", "Unknown");
        assertThat(ranked.getLast().reasons()).isEmpty();
    }
}
