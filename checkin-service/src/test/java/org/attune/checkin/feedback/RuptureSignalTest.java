package org.attune.checkin.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.attune.events.RuptureReason;
import org.junit.jupiter.api.Test;

class RuptureSignalTest {

    @Test
    void a_total_under_70_percent_of_the_maximum_is_a_low_total() {
        assertThat(RuptureSignal.detect(27, 40, List.of())).isEqualTo(RuptureReason.LOW_TOTAL);
        assertThat(RuptureSignal.detect(28, 40, List.of())).isNull();
        assertThat(RuptureSignal.detect(0, 40, List.of())).isEqualTo(RuptureReason.LOW_TOTAL);
    }

    @Test
    void a_drop_of_20_percent_or_more_against_the_mean_of_the_last_three_is_a_drop_from_baseline() {
        // mean of 40, 40, 40 = 40; 80% of it = 32
        assertThat(RuptureSignal.detect(32, 40, List.of(40, 40, 40))).isEqualTo(RuptureReason.DROP_FROM_BASELINE);
        assertThat(RuptureSignal.detect(33, 40, List.of(40, 40, 40))).isNull();
        // mean of 36, 37, 38 = 37; 80% = 29.6: 29 is a drop, 30 is not
        assertThat(RuptureSignal.detect(29, 40, List.of(36, 37, 38))).isEqualTo(RuptureReason.DROP_FROM_BASELINE);
        assertThat(RuptureSignal.detect(30, 40, List.of(36, 37, 38))).isNull();
    }

    @Test
    void only_the_last_three_count_and_fewer_than_three_give_no_baseline() {
        assertThat(RuptureSignal.detect(30, 40, List.of(40, 40))).isNull();
        // newest first: the fourth (a low 10) is outside the baseline
        assertThat(RuptureSignal.detect(32, 40, List.of(40, 40, 40, 10))).isEqualTo(RuptureReason.DROP_FROM_BASELINE);
    }

    @Test
    void a_low_total_is_reported_when_both_rules_apply() {
        assertThat(RuptureSignal.detect(20, 40, List.of(40, 40, 40))).isEqualTo(RuptureReason.LOW_TOTAL);
    }
}
