package org.attune.checkin.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.attune.events.RuptureReason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RuptureSignalTest {

    @Test
    void a_total_under_70_percent_of_the_maximum_is_a_low_total() {
        assertThat(RuptureSignal.detect(27, 40, List.of())).isEqualTo(RuptureReason.LOW_TOTAL);
        assertThat(RuptureSignal.detect(28, 40, List.of())).isNull();
        assertThat(RuptureSignal.detect(0, 40, List.of())).isEqualTo(RuptureReason.LOW_TOTAL);
    }

    @Test
    void with_no_earlier_check_only_a_low_total_counts() {
        assertThat(RuptureSignal.detect(28, 40, List.of())).isNull();
        assertThat(RuptureSignal.detect(27, 40, List.of())).isEqualTo(RuptureReason.LOW_TOTAL);
    }

    /** Earlier totals newest first, separated by spaces; the threshold is 80% of their mean. */
    @ParameterizedTest(name = "{0} after [{1}]: {2}")
    @CsvSource({
        // one earlier check: 80% of 40 = 32
        "32, 40, DROP_FROM_BASELINE",
        "33, 40, ",
        // 80% of 35 = 28: exactly 20% down, and just under
        "28, 35, DROP_FROM_BASELINE",
        "29, 35, ",
        // two earlier checks: mean 37.5, 80% = 30
        "30, 40 35, DROP_FROM_BASELINE",
        "31, 40 35, ",
        // mean 36, 80% = 28.8: 28 drops, 29 does not
        "28, 36 36, DROP_FROM_BASELINE",
        "29, 37 35, ",
        // three earlier checks: mean 40, 80% = 32
        "32, 40 40 40, DROP_FROM_BASELINE",
        "33, 40 40 40, ",
        // mean 37, 80% = 29.6: 29 drops, 30 does not
        "29, 36 37 38, DROP_FROM_BASELINE",
        "30, 36 37 38, ",
        // a fourth earlier check (a low 10) is outside the baseline
        "32, 40 40 40 10, DROP_FROM_BASELINE",
        "33, 40 40 40 10, ",
    })
    void a_drop_of_20_percent_or_more_against_the_mean_of_up_to_three_earlier_checks_is_a_drop_from_baseline(
            int total, String earlier, RuptureReason expected) {
        var previous = java.util.Arrays.stream(earlier.split(" "))
                .map(Integer::valueOf)
                .toList();
        assertThat(RuptureSignal.detect(total, 40, previous)).isEqualTo(expected);
    }

    @Test
    void a_zero_baseline_cannot_drop() {
        assertThat(RuptureSignal.detect(28, 40, List.of(0))).isNull();
        assertThat(RuptureSignal.detect(28, 40, List.of(0, 0, 0))).isNull();
    }

    @Test
    void a_low_total_is_reported_when_both_rules_apply() {
        assertThat(RuptureSignal.detect(20, 40, List.of(40))).isEqualTo(RuptureReason.LOW_TOTAL);
        assertThat(RuptureSignal.detect(20, 40, List.of(40, 40, 40))).isEqualTo(RuptureReason.LOW_TOTAL);
    }
}
