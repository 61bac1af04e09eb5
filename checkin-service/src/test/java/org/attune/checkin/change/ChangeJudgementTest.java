package org.attune.checkin.change;

import static org.assertj.core.api.Assertions.assertThat;
import static org.attune.checkin.change.ChangeJudgement.Outcome.NO_RELIABLE_CHANGE;
import static org.attune.checkin.change.ChangeJudgement.Outcome.RECOVERY;
import static org.attune.checkin.change.ChangeJudgement.Outcome.RELIABLE_DETERIORATION;
import static org.attune.checkin.change.ChangeJudgement.Outcome.RELIABLE_IMPROVEMENT;
import static org.attune.checkin.change.ChangeJudgement.Outcome.RELIABLE_RECOVERY;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.attune.checkin.questionnaire.ChangeRule;
import org.attune.checkin.questionnaire.Instrument;
import org.attune.checkin.questionnaire.InstrumentCatalogs;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The change judgement of each shipped instrument at and around every threshold: exactly at it, one point short and
 * one point beyond, in both directions, from a baseline at and below caseness. The numbers are read from the
 * definition files, and the expected ones are written here too, so a changed file fails a test.
 */
class ChangeJudgementTest {

    static Map<String, Instrument> shipped;

    @BeforeAll
    static void load() throws IOException {
        shipped = InstrumentCatalogs.shipped();
    }

    static ChangeJudgement.Outcome judge(String code, int baseline, int latest) {
        return ChangeJudgement.judge(shipped.get(code).change(), baseline, latest)
                .orElseThrow();
    }

    static Stream<Arguments> phq9() {
        // Reliable change 6 points; a case at 10 or more (NHS Talking Therapies manual).
        return Stream.of(
                // Baseline below caseness: only reliable change counts.
                Arguments.of(9, 3, RELIABLE_IMPROVEMENT), // exactly 6 down
                Arguments.of(9, 4, NO_RELIABLE_CHANGE), // 5 down: one short
                Arguments.of(9, 2, RELIABLE_IMPROVEMENT), // 7 down: one beyond
                Arguments.of(3, 9, RELIABLE_DETERIORATION), // exactly 6 up
                Arguments.of(3, 8, NO_RELIABLE_CHANGE), // 5 up
                Arguments.of(3, 10, RELIABLE_DETERIORATION), // 7 up, now a case
                Arguments.of(5, 5, NO_RELIABLE_CHANGE),
                // Baseline exactly at caseness (10 is a case).
                Arguments.of(10, 9, RECOVERY), // one below the cut-off, 1 point: not reliable
                Arguments.of(10, 4, RELIABLE_RECOVERY), // exactly 6 down and below the cut-off
                Arguments.of(10, 5, RECOVERY), // 5 down: below the cut-off, not reliable
                Arguments.of(10, 10, NO_RELIABLE_CHANGE), // still a case
                Arguments.of(10, 16, RELIABLE_DETERIORATION),
                Arguments.of(10, 15, NO_RELIABLE_CHANGE),
                // Baseline above caseness.
                Arguments.of(11, 10, NO_RELIABLE_CHANGE), // at the cut-off is still a case
                Arguments.of(16, 10, RELIABLE_IMPROVEMENT), // 6 down, still a case
                Arguments.of(16, 11, NO_RELIABLE_CHANGE),
                Arguments.of(16, 9, RELIABLE_RECOVERY), // 7 down, below the cut-off
                Arguments.of(15, 9, RELIABLE_RECOVERY), // exactly 6 down and just below
                Arguments.of(14, 9, RECOVERY), // 5 down and just below
                Arguments.of(21, 27, RELIABLE_DETERIORATION),
                Arguments.of(22, 27, NO_RELIABLE_CHANGE));
    }

    static Stream<Arguments> gad7() {
        // Reliable change 4 points; a case at 8 or more (NHS Talking Therapies manual).
        return Stream.of(
                Arguments.of(7, 3, RELIABLE_IMPROVEMENT), // exactly 4 down, baseline below caseness
                Arguments.of(7, 4, NO_RELIABLE_CHANGE), // 3 down
                Arguments.of(7, 2, RELIABLE_IMPROVEMENT), // 5 down
                Arguments.of(3, 7, RELIABLE_DETERIORATION), // exactly 4 up
                Arguments.of(3, 6, NO_RELIABLE_CHANGE), // 3 up
                Arguments.of(3, 8, RELIABLE_DETERIORATION), // 5 up, now a case
                Arguments.of(8, 7, RECOVERY), // at caseness to one below
                Arguments.of(8, 4, RELIABLE_RECOVERY), // exactly 4 down and below
                Arguments.of(8, 5, RECOVERY), // 3 down and below
                Arguments.of(8, 8, NO_RELIABLE_CHANGE),
                Arguments.of(9, 8, NO_RELIABLE_CHANGE), // still a case at the cut-off
                Arguments.of(12, 8, RELIABLE_IMPROVEMENT), // exactly 4 down, still a case
                Arguments.of(12, 9, NO_RELIABLE_CHANGE),
                Arguments.of(11, 7, RELIABLE_RECOVERY),
                Arguments.of(10, 7, RECOVERY),
                Arguments.of(8, 12, RELIABLE_DETERIORATION), // exactly 4 up from caseness
                Arguments.of(8, 11, NO_RELIABLE_CHANGE),
                Arguments.of(17, 21, RELIABLE_DETERIORATION));
    }

    static Stream<Arguments> pcl5() {
        // Reliable change 10 points (National Center for PTSD guidance); a case at 33 or more.
        return Stream.of(
                Arguments.of(30, 20, RELIABLE_IMPROVEMENT), // exactly 10 down, baseline below caseness
                Arguments.of(30, 21, NO_RELIABLE_CHANGE), // 9 down
                Arguments.of(30, 19, RELIABLE_IMPROVEMENT), // 11 down
                Arguments.of(20, 30, RELIABLE_DETERIORATION), // exactly 10 up
                Arguments.of(20, 29, NO_RELIABLE_CHANGE), // 9 up
                Arguments.of(23, 34, RELIABLE_DETERIORATION), // 11 up, now a case
                Arguments.of(32, 32, NO_RELIABLE_CHANGE), // one below caseness stays
                Arguments.of(33, 32, RECOVERY), // at caseness to one below
                Arguments.of(33, 23, RELIABLE_RECOVERY), // exactly 10 down and below
                Arguments.of(33, 24, RECOVERY), // 9 down and below
                Arguments.of(34, 33, NO_RELIABLE_CHANGE), // still a case at the cut-off
                Arguments.of(45, 35, RELIABLE_IMPROVEMENT), // exactly 10 down, still a case
                Arguments.of(45, 36, NO_RELIABLE_CHANGE),
                Arguments.of(43, 32, RELIABLE_RECOVERY), // 11 down and below
                Arguments.of(42, 32, RELIABLE_RECOVERY), // exactly 10 down and just below
                Arguments.of(41, 32, RECOVERY), // 9 down and just below
                Arguments.of(33, 43, RELIABLE_DETERIORATION),
                Arguments.of(33, 42, NO_RELIABLE_CHANGE),
                Arguments.of(70, 80, RELIABLE_DETERIORATION));
    }

    @ParameterizedTest(name = "PHQ-9 {0} -> {1} is {2}")
    @MethodSource("phq9")
    void phq_9_change_is_judged_at_and_around_its_thresholds(int baseline, int latest, ChangeJudgement.Outcome want) {
        assertThat(judge("PHQ-9", baseline, latest)).isEqualTo(want);
    }

    @ParameterizedTest(name = "GAD-7 {0} -> {1} is {2}")
    @MethodSource("gad7")
    void gad_7_change_is_judged_at_and_around_its_thresholds(int baseline, int latest, ChangeJudgement.Outcome want) {
        assertThat(judge("GAD-7", baseline, latest)).isEqualTo(want);
    }

    @ParameterizedTest(name = "PCL-5 {0} -> {1} is {2}")
    @MethodSource("pcl5")
    void pcl_5_change_is_judged_at_and_around_its_thresholds(int baseline, int latest, ChangeJudgement.Outcome want) {
        assertThat(judge("PCL-5", baseline, latest)).isEqualTo(want);
    }

    @Test
    void the_shipped_numbers_are_those_of_their_published_sources() {
        assertThat(List.of("PHQ-9", "GAD-7", "PCL-5"))
                .map(code -> shipped.get(code).change())
                .extracting(ChangeRule::reliableChange, ChangeRule::caseness, ChangeRule::improvement)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(6, 10, ChangeRule.Direction.DOWN),
                        org.assertj.core.groups.Tuple.tuple(4, 8, ChangeRule.Direction.DOWN),
                        org.assertj.core.groups.Tuple.tuple(10, 33, ChangeRule.Direction.DOWN));
        for (var code : List.of("PHQ-9", "GAD-7", "PCL-5")) {
            assertThat(shipped.get(code).change().sources())
                    .extracting(ChangeRule.Source::parameter)
                    .containsExactlyInAnyOrder("reliableChange", "caseness");
            assertThat(shipped.get(code).change().sources())
                    .allSatisfy(s -> assertThat(s.url()).startsWith("https://"));
        }
    }

    @Test
    void the_session_connection_check_has_no_change_numbers_and_so_no_judgement() {
        var rule = shipped.get("SESSION-CONNECTION").change();
        assertThat(rule).isNull();
        assertThat(ChangeJudgement.judge(rule, 40, 10)).isEmpty();
    }

    @Test
    void where_a_higher_score_is_better_the_directions_turn_round() {
        var rule = new ChangeRule(
                5,
                20,
                ChangeRule.Direction.UP,
                List.of(
                        new ChangeRule.Source("reliableChange", "test", null, null),
                        new ChangeRule.Source("caseness", "test", null, null)));
        assertThat(ChangeJudgement.judge(rule, 30, 25)).contains(RELIABLE_DETERIORATION);
        assertThat(ChangeJudgement.judge(rule, 20, 21)).contains(RECOVERY);
        assertThat(ChangeJudgement.judge(rule, 18, 23)).contains(RELIABLE_RECOVERY);
        assertThat(ChangeJudgement.judge(rule, 25, 30)).contains(RELIABLE_IMPROVEMENT);
    }

    @Test
    void a_change_rule_without_the_source_of_each_number_is_refused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new ChangeRule(
                        6,
                        10,
                        ChangeRule.Direction.DOWN,
                        List.of(new ChangeRule.Source("reliableChange", "somewhere", null, null))))
                .hasMessageContaining("caseness");
    }
}
