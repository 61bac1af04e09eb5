package org.attune.checkin.questionnaire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.attune.events.SafetyFlagReason;
import org.attune.kit.web.InvalidRequestException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScoringTest {

    static final Map<String, Instrument> CATALOG = load();

    static Map<String, Instrument> load() {
        try {
            return InstrumentCatalog.load(List.of("classpath*:instruments/*.json"));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Answers that add up to {@code total}, filling items in order up to each item's maximum. */
    static Map<String, Integer> answersFor(Instrument instrument, int total, int itemMax) {
        var answers = new HashMap<String, Integer>();
        int left = total;
        for (var item : instrument.items()) {
            int value = Math.min(left, itemMax);
            answers.put(item.id(), value);
            left -= value;
        }
        assertThat(left).as("total reachable").isZero();
        return answers;
    }

    @Test
    void the_catalog_holds_the_four_instruments_with_their_item_counts_and_maxima() {
        assertThat(CATALOG).containsOnlyKeys("PHQ-9", "GAD-7", "PCL-5", "SESSION-CONNECTION");
        assertThat(CATALOG.get("PHQ-9").items()).hasSize(9);
        assertThat(CATALOG.get("PHQ-9").maxTotal()).isEqualTo(27);
        assertThat(CATALOG.get("GAD-7").items()).hasSize(7);
        assertThat(CATALOG.get("GAD-7").maxTotal()).isEqualTo(21);
        assertThat(CATALOG.get("PCL-5").items()).hasSize(20);
        assertThat(CATALOG.get("PCL-5").maxTotal()).isEqualTo(80);
        assertThat(CATALOG.get("SESSION-CONNECTION").items()).hasSize(4);
        assertThat(CATALOG.get("SESSION-CONNECTION").maxTotal()).isEqualTo(40);
        assertThat(CATALOG.get("SESSION-CONNECTION").validated()).isFalse();
        assertThat(CATALOG.get("SESSION-CONNECTION").answeredThrough()).isEqualTo("/api/v1/session-feedback");
        assertThat(CATALOG.values())
                .filteredOn(Instrument::answeredAsQuestionnaire)
                .extracting(Instrument::code)
                .containsExactlyInAnyOrder("PHQ-9", "GAD-7", "PCL-5");
    }

    @ParameterizedTest(name = "PHQ-9 total {0} is {1}")
    @CsvSource({
        "0, minimal",
        "4, minimal",
        "5, mild",
        "9, mild",
        "10, moderate",
        "14, moderate",
        "15, moderately-severe",
        "19, moderately-severe",
        "20, severe",
        "27, severe"
    })
    void phq9_totals_fall_in_the_published_bands(int total, String band) {
        // Fill items 1-8 first, so item 9 stays 0 unless the total needs it.
        var phq9 = CATALOG.get("PHQ-9");
        var result = Scoring.score(phq9, answersFor(phq9, total, 3));
        assertThat(result.total()).isEqualTo(total);
        assertThat(result.maxTotal()).isEqualTo(27);
        assertThat(result.band().code()).isEqualTo(band);
    }

    @Test
    void phq9_item_9_above_0_is_a_safety_flag_even_when_the_total_is_minimal() {
        var phq9 = CATALOG.get("PHQ-9");
        var answers = answersFor(phq9, 0, 3);
        answers.put("9", 1);
        var result = Scoring.score(phq9, answers);
        assertThat(result.total()).isEqualTo(1);
        assertThat(result.band().code()).isEqualTo("minimal");
        assertThat(result.flags()).containsExactly("SELF_HARM_ITEM");
        assertThat(result.safety()).containsExactly(SafetyFlagReason.SELF_HARM_ITEM);
    }

    @Test
    void phq9_item_9_at_0_raises_no_flag_and_the_severe_band_raises_its_own() {
        var phq9 = CATALOG.get("PHQ-9");
        assertThat(Scoring.score(phq9, answersFor(phq9, 3, 3)).flags()).isEmpty();
        var severe = Scoring.score(phq9, answersFor(phq9, 20, 3)); // items 1-6 = 3, item 7 = 2
        assertThat(severe.flags()).containsExactly("SEVERE_BAND");
        assertThat(severe.safety()).containsExactly(SafetyFlagReason.SEVERE_BAND);
        var both = Scoring.score(phq9, answersFor(phq9, 27, 3));
        assertThat(both.safety()).containsExactly(SafetyFlagReason.SELF_HARM_ITEM, SafetyFlagReason.SEVERE_BAND);
    }

    @ParameterizedTest(name = "GAD-7 total {0} is {1}")
    @CsvSource({
        "0, minimal",
        "4, minimal",
        "5, mild",
        "9, mild",
        "10, moderate",
        "14, moderate",
        "15, severe",
        "21, severe"
    })
    void gad7_totals_fall_in_the_published_bands(int total, String band) {
        var gad7 = CATALOG.get("GAD-7");
        var result = Scoring.score(gad7, answersFor(gad7, total, 3));
        assertThat(result.total()).isEqualTo(total);
        assertThat(result.band().code()).isEqualTo(band);
        assertThat(result.flags()).isEmpty();
    }

    @ParameterizedTest(name = "PCL-5 total {0} is {1}")
    @CsvSource({
        "0, below-cutoff",
        "30, below-cutoff",
        "31, at-cutoff",
        "33, at-cutoff",
        "34, above-cutoff",
        "80, above-cutoff"
    })
    void pcl5_totals_are_placed_against_the_provisional_cutoff_of_31_to_33(int total, String band) {
        var pcl5 = CATALOG.get("PCL-5");
        var result = Scoring.score(pcl5, answersFor(pcl5, total, 4));
        assertThat(result.total()).isEqualTo(total);
        assertThat(result.maxTotal()).isEqualTo(80);
        assertThat(result.band().code()).isEqualTo(band);
    }

    @ParameterizedTest(name = "SESSION-CONNECTION total {0} is {1}")
    @CsvSource({
        "0, worth-talking-about, true",
        "27, worth-talking-about, true",
        "28, connected, false",
        "40, connected, false"
    })
    void session_connection_under_70_percent_of_40_is_worth_talking_about(int total, String band, boolean low) {
        var check = CATALOG.get("SESSION-CONNECTION");
        var result = Scoring.score(check, answersFor(check, total, 10));
        assertThat(result.total()).isEqualTo(total);
        assertThat(result.band().code()).isEqualTo(band);
        assertThat(result.flags().contains("LOW_TOTAL")).isEqualTo(low);
        assertThat(result.safety()).isEmpty();
    }

    @Test
    void the_session_checks_worth_talking_about_band_is_exactly_the_low_total_rupture_rule() {
        var check = CATALOG.get("SESSION-CONNECTION");
        for (int total = 0; total <= check.maxTotal(); total++) {
            boolean low = org.attune.checkin.feedback.RuptureSignal.detect(total, check.maxTotal(), List.of())
                    == org.attune.events.RuptureReason.LOW_TOTAL;
            assertThat(check.bandOf(total).code())
                    .as("total %d", total)
                    .isEqualTo(low ? "worth-talking-about" : "connected");
        }
    }

    @Test
    void a_hand_computed_phq9_with_mixed_answers_scores_12_moderate() {
        var answers = Map.of("1", 2, "2", 1, "3", 3, "4", 2, "5", 0, "6", 1, "7", 2, "8", 1, "9", 0);
        var result = Scoring.score(CATALOG.get("PHQ-9"), answers);
        assertThat(result.total()).isEqualTo(12);
        assertThat(result.band().code()).isEqualTo("moderate");
    }

    @Test
    void a_partial_or_out_of_range_response_is_refused_naming_each_item() {
        var phq9 = CATALOG.get("PHQ-9");
        var answers = answersFor(phq9, 0, 3);
        answers.remove("4");
        answers.put("9", 4);
        answers.put("10", 1);
        assertThatThrownBy(() -> Scoring.score(phq9, answers))
                .isInstanceOfSatisfying(
                        InvalidRequestException.class,
                        e -> assertThat(e.problems())
                                .extracting(InvalidRequestException.FieldProblem::field)
                                .containsExactlyInAnyOrder("answers.4", "answers.9", "answers.10"));
        var negative = answersFor(phq9, 0, 3);
        negative.put("1", -1);
        assertThatThrownBy(() -> Scoring.score(phq9, negative)).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> Scoring.score(phq9, null)).isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void a_band_of_higher_severity_is_ranked_above_a_lower_one_and_session_connection_inverts_the_order() {
        var phq9 = CATALOG.get("PHQ-9");
        assertThat(phq9.severityOf("severe").orElseThrow())
                .isGreaterThan(phq9.severityOf("mild").orElseThrow());
        var check = CATALOG.get("SESSION-CONNECTION");
        assertThat(check.severityOf("worth-talking-about").orElseThrow())
                .isGreaterThan(check.severityOf("connected").orElseThrow());
        assertThat(phq9.severityOf("unknown")).isEmpty();
    }
}
