package org.attune.webui.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class DemoHistoryTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 27);

    private final java.util.List<DemoHistory.Item> history = DemoHistory.sixWeeksBefore(TODAY, ZoneOffset.UTC);

    @Test
    void everythingLiesInTheSixWeeksBeforeToday() {
        assertThat(history).allSatisfy(item -> {
            assertThat(item.at().toLocalDate()).isBefore(TODAY);
            assertThat(item.at().toLocalDate()).isAfterOrEqualTo(TODAY.minusDays(42));
        });
    }

    @Test
    void theClientChecksInOnMostDaysButNotEveryDay() {
        var days = history.stream()
                .filter(DemoHistory.CheckIn.class::isInstance)
                .map(item -> item.at().toLocalDate())
                .distinct()
                .count();
        assertThat(days).isBetween(22L, 38L);
    }

    @Test
    void theDemoGoalsAreAtMostThreeInTheClientsWordsWithOneRatingFromZeroToTenForEachOfTheSixWeeks() {
        assertThat(DemoHistory.goals()).hasSizeBetween(1, 3).allSatisfy(goal -> {
            assertThat(goal.text()).isNotBlank().hasSizeLessThanOrEqualTo(200);
            assertThat(goal.weeklyRatings())
                    .hasSize(6)
                    .allSatisfy(r -> assertThat(r).isBetween(0, 10));
        });
    }

    @Test
    void checkInValuesStayWithinWhatTheServiceAccepts() {
        assertThat(history).filteredOn(DemoHistory.CheckIn.class::isInstance).allSatisfy(item -> {
            var checkIn = (DemoHistory.CheckIn) item;
            assertThat(checkIn.mood()).isBetween(0, 10);
            assertThat(checkIn.energy()).isBetween(0, 10);
            assertThat(checkIn.sleepHours()).isBetween(0.0, 24.0);
            assertThat(checkIn.window()).isIn("HYPER", "WITHIN", "HYPO");
            assertThat(checkIn.emotions())
                    .isNotEmpty()
                    .hasSizeLessThanOrEqualTo(5)
                    .doesNotHaveDuplicates();
        });
    }

    @Test
    void questionnairesComeEveryTwoWeeksWithValidAnswersAndNeverASelfHarmAnswer() {
        var questionnaires = history.stream()
                .filter(DemoHistory.Questionnaire.class::isInstance)
                .map(DemoHistory.Questionnaire.class::cast)
                .toList();
        assertThat(questionnaires)
                .filteredOn(q -> q.code().equals("PHQ-9"))
                .hasSize(3)
                .allSatisfy(q -> {
                    assertThat(q.answers()).hasSize(9).containsEntry("9", 0);
                    assertThat(q.answers().values())
                            .allSatisfy(v -> assertThat(v).isBetween(0, 3));
                });
        assertThat(questionnaires)
                .filteredOn(q -> q.code().equals("GAD-7"))
                .hasSize(3)
                .allSatisfy(q -> assertThat(q.answers()).hasSize(7));
    }

    @Test
    void oneWeeklySessionFeelsLessConnectedThanTheOthers() {
        var feedback = history.stream()
                .filter(DemoHistory.Feedback.class::isInstance)
                .map(DemoHistory.Feedback.class::cast)
                .toList();
        assertThat(feedback).hasSize(6);
        assertThat(feedback)
                .filteredOn(f -> f.heard() + f.goals() + f.approach() + f.overall() < 20)
                .singleElement()
                .satisfies(f -> assertThat(f.text()).isNotBlank());
    }

    @Test
    void theHistoryIsTheSameEveryTime() {
        assertThat(DemoHistory.sixWeeksBefore(TODAY, ZoneOffset.UTC)).isEqualTo(history);
    }

    @Test
    void everyItemHasItsOwnKeySoARestartSkipsWhatWentThrough() {
        assertThat(history.stream().map(DemoHistory.Item::key)).doesNotHaveDuplicates();
    }
}
