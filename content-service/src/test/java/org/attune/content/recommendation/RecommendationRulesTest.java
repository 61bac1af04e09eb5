package org.attune.content.recommendation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.attune.events.CheckInRecorded;
import org.attune.events.QuestionnaireCompleted;
import org.attune.events.RuptureReason;
import org.attune.events.SafetyFlagRaised;
import org.attune.events.SafetyFlagReason;
import org.attune.events.SessionFeedbackRecorded;
import org.attune.events.WindowOfTolerance;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

class RecommendationRulesTest {

    static final RecommendationRules RULES = new RecommendationRules("classpath:recommendation-rules.yml");
    static final UUID CLIENT = UUID.randomUUID();

    static CheckInRecorded checkIn(WindowOfTolerance window, String... tags) {
        return CheckInRecorded.of(
                CLIENT, UUID.randomUUID(), 5, window, List.of(), 5, null, List.of(tags), false, LocalDate.now());
    }

    static Set<String> ids(List<RecommendationRules.Rule> rules) {
        return rules.stream().map(RecommendationRules.Rule::id).collect(Collectors.toSet());
    }

    @Test
    void every_rule_points_only_at_pieces_that_exist_in_the_library() throws Exception {
        var slugs = new java.util.HashSet<String>();
        for (var r : new PathMatchingResourcePatternResolver().getResources("classpath*:content/*/*.md")) {
            slugs.add(r.getFilename().replace(".md", ""));
        }
        RULES.all().forEach(rule -> assertThat(slugs).as(rule.id()).containsAll(rule.recommend()));
    }

    @Test
    void reasons_use_no_banned_words_and_fill_in_title_and_minutes() {
        RULES.all().forEach(rule -> {
            String reason = rule.reasonFor("A title", 2).toLowerCase(Locale.ROOT);
            assertThat(reason).doesNotContain("{", "streak", "fail", "missed", "should have", "lazy", "weak");
        });
        var hyper = RULES.all().stream()
                .filter(r -> r.id().equals("hyper-aroused-grounding"))
                .findFirst()
                .orElseThrow();
        assertThat(hyper.reasonFor("Paced breathing", 2)).contains("2-minute", "Paced breathing", "hyper-aroused");
    }

    @Test
    void a_dysregulated_check_in_matches_a_grounding_rule_and_a_settled_one_matches_none() {
        assertThat(ids(RULES.matching(checkIn(WindowOfTolerance.HYPER)))).containsExactly("hyper-aroused-grounding");
        assertThat(ids(RULES.matching(checkIn(WindowOfTolerance.HYPO)))).containsExactly("hypo-aroused-grounding");
        assertThat(RULES.matching(checkIn(WindowOfTolerance.WITHIN))).isEmpty();
    }

    @Test
    void pattern_tags_match_their_reading() {
        assertThat(ids(RULES.matching(checkIn(WindowOfTolerance.WITHIN, "numbing", "people-pleasing"))))
                .containsExactlyInAnyOrder("pattern-numbing", "pattern-people-pleasing");
        assertThat(RULES.matching(checkIn(WindowOfTolerance.WITHIN, "something-else")))
                .isEmpty();
    }

    @Test
    void worsening_rupture_and_safety_events_match_their_rules() {
        var worse = QuestionnaireCompleted.of(
                CLIENT, UUID.randomUUID(), "PHQ-9", 12, 27, "moderate", "mild", true, List.of());
        var same =
                QuestionnaireCompleted.of(CLIENT, UUID.randomUUID(), "PHQ-9", 6, 27, "mild", "mild", false, List.of());
        assertThat(ids(RULES.matching(worse))).containsExactly("questionnaire-worsened-self-compassion");
        assertThat(RULES.matching(same)).isEmpty();

        var rupture = SessionFeedbackRecorded.of(
                CLIENT, UUID.randomUUID(), 10, 40, true, RuptureReason.LOW_TOTAL, false, LocalDate.now());
        var fine = SessionFeedbackRecorded.of(CLIENT, UUID.randomUUID(), 38, 40, false, null, false, LocalDate.now());
        assertThat(ids(RULES.matching(rupture))).containsExactly("session-rupture-repair-low");
        assertThat(RULES.matching(fine)).isEmpty();

        var flag = SafetyFlagRaised.of(CLIENT, UUID.randomUUID(), SafetyFlagReason.HELP_NOW, "help-now");
        var crisis = RULES.matching(flag);
        assertThat(crisis).singleElement().satisfies(rule -> {
            assertThat(rule.pinned()).isTrue();
            assertThat(rule.recommend()).containsExactly("crisis-resources");
        });
    }

    @Test
    void rejects_a_rule_file_with_an_unknown_event_or_key() {
        assertThatThrownBy(() ->
                        RecommendationRules.parse("rules:\n  - {id: x, event: Nope, recommend: [a], reason: r}\n"))
                .hasMessageContaining("unknown event");
        assertThatThrownBy(() -> RecommendationRules.parse(
                        "rules:\n  - {id: x, event: CheckInRecorded, recommend: [a], reason: r, colour: red}\n"))
                .hasMessageContaining("unknown key");
    }
}
