package org.attune.checkin.feedback;

import java.util.List;
import org.attune.events.RuptureReason;

/**
 * The rupture signal of DOMAIN.md: a total under 70% of the maximum ({@link RuptureReason#LOW_TOTAL}), or a drop of
 * 20% or more against the mean of the client's own last three totals ({@link RuptureReason#DROP_FROM_BASELINE}).
 * With both, LOW_TOTAL is reported. Without three earlier totals there is no baseline yet.
 */
public final class RuptureSignal {

    public static final int BASELINE_SIZE = 3;

    private RuptureSignal() {}

    /** Null when there is no rupture signal. Integer arithmetic, so boundaries are exact. */
    public static RuptureReason detect(int total, int maxTotal, List<Integer> previousTotals) {
        // total < 0.7 * max  <=>  10 * total < 7 * max
        if (10 * total < 7 * maxTotal) {
            return RuptureReason.LOW_TOTAL;
        }
        if (previousTotals.size() >= BASELINE_SIZE) {
            int sum = previousTotals.stream()
                    .limit(BASELINE_SIZE)
                    .mapToInt(Integer::intValue)
                    .sum();
            // total <= 0.8 * (sum / 3)  <=>  15 * total <= 4 * sum ; a zero baseline cannot drop
            if (sum > 0 && 15 * total <= 4 * sum) {
                return RuptureReason.DROP_FROM_BASELINE;
            }
        }
        return null;
    }
}
