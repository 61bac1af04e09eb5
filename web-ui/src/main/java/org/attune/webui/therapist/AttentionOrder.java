package org.attune.webui.therapist;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * Orders a therapist's clients by what needs attention first: open safety flags, then rupture signals, then no
 * check-in for seven days or more, then a reliable deterioration on a questionnaire (a change from the first response
 * to the latest beyond measurement error, as checkin-service judges it; a band edge alone no longer counts), then
 * everyone else. Within a tier, the longer
 * it has been waiting the higher it goes, then by name. Only what the client shares counts: a part that is not
 * shared never raises a client. Pure, so it is tested without infrastructure.
 */
public final class AttentionOrder {

    /** A rupture older than this no longer raises the client in the list (it still shows on the dashboard). */
    public static final Duration RUPTURE_WINDOW = Duration.ofDays(28);

    public static final Duration QUIET_AFTER = Duration.ofDays(7);

    public enum Reason {
        SAFETY_FLAG,
        RUPTURE,
        NO_RECENT_CHECKIN,
        RELIABLE_DETERIORATION
    }

    /** A client row's input: name and its summary, which is null when the service did not answer. */
    public record Entry(UUID clientId, String name, ClientSummary summary) {}

    public record Ranked(Entry entry, Set<Reason> reasons) {
        public int tier() {
            return reasons.isEmpty()
                    ? Reason.values().length
                    : reasons.iterator().next().ordinal();
        }
    }

    private AttentionOrder() {}

    public static Set<Reason> reasons(ClientSummary s, Instant now) {
        var reasons = EnumSet.noneOf(Reason.class);
        if (s == null) {
            return reasons;
        }
        if (s.openSafetyFlags() != null && s.openSafetyFlags() > 0) {
            reasons.add(Reason.SAFETY_FLAG);
        }
        if (s.lastRupture() != null
                && s.lastRupture().recordedAt() != null
                && !s.lastRupture().recordedAt().isBefore(now.minus(RUPTURE_WINDOW))) {
            reasons.add(Reason.RUPTURE);
        }
        if (s.moodShared() && (s.lastCheckInAt() == null || !s.lastCheckInAt().isAfter(now.minus(QUIET_AFTER)))) {
            reasons.add(Reason.NO_RECENT_CHECKIN);
        }
        if (s.anyReliableDeterioration()) {
            reasons.add(Reason.RELIABLE_DETERIORATION);
        }
        return reasons;
    }

    public static List<Ranked> sort(List<Entry> entries, Instant now) {
        var ranked = new ArrayList<Ranked>();
        for (var e : entries) {
            ranked.add(new Ranked(e, reasons(e.summary(), now)));
        }
        ranked.sort(Comparator.comparingInt(Ranked::tier)
                .thenComparing(r -> -flags(r))
                .thenComparing(r -> waitingSince(r), Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(
                        r -> r.entry().name() == null ? "" : r.entry().name().toLowerCase(Locale.ROOT))
                .thenComparing(r -> r.entry().clientId()));
        return ranked;
    }

    private static int flags(Ranked r) {
        var s = r.entry().summary();
        return s == null || s.openSafetyFlags() == null ? 0 : s.openSafetyFlags();
    }

    /** What the tier is about happened when? Earlier first within the tier; most recent rupture is the most pressing. */
    private static Instant waitingSince(Ranked r) {
        var s = r.entry().summary();
        if (s == null) {
            return Instant.MAX;
        }
        return switch (r.tier()) {
            case 1 -> Instant.MAX.minusSeconds(s.lastRupture().recordedAt().getEpochSecond());
            case 2 -> s.lastCheckInAt();
            default -> Instant.MAX;
        };
    }
}
