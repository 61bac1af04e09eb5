package org.attune.checkin.feedback;

import java.util.List;
import org.attune.events.RuptureReason;

/**
 * The rupture signal of DOMAIN.md:
 *
 * <ul>
 *   <li>{@link RuptureReason#LOW_TOTAL}: a total under 70% of the maximum, whatever came before;
 *   <li>{@link RuptureReason#DROP_FROM_BASELINE}: a total at least 20% below the client's own baseline, the mean of
 *       their last three earlier totals, or of the one or two there are. Sessions two to four, when people most often
 *       leave therapy, would otherwise only ever show a low total; one earlier check is a thin baseline, but the signal
 *       only invites a conversation, so a gentle prompt too many is the better mistake.
 * </ul>
 *
 * <p>With no earlier check there is no baseline, so only a low total counts. With both, LOW_TOTAL is reported.
 */
public final class RuptureSignal {

    /** At most this many earlier totals form the baseline. */
    public static final int BASELINE_SIZE = 3;

    private RuptureSignal() {}

    /**
     * Null when there is no rupture signal. {@code previousTotals} are the earlier totals, newest first; only the first
     * {@link #BASELINE_SIZE} count. Integer arithmetic, so boundaries are exact.
     */
    public static RuptureReason detect(int total, int maxTotal, List<Integer> previousTotals) {
        // total < 0.7 * max  <=>  10 * total < 7 * max
        if (10 * total < 7 * maxTotal) {
            return RuptureReason.LOW_TOTAL;
        }
        var baseline = previousTotals.stream().limit(BASELINE_SIZE).toList();
        int count = baseline.size();
        int sum = baseline.stream().mapToInt(Integer::intValue).sum();
        // total <= 0.8 * (sum / count)  <=>  5 * count * total <= 4 * sum ; a zero baseline cannot drop
        if (count > 0 && sum > 0 && 5 * count * total <= 4 * sum) {
            return RuptureReason.DROP_FROM_BASELINE;
        }
        return null;
    }
}
