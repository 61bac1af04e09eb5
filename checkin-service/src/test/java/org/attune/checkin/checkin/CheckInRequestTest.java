package org.attune.checkin.checkin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.attune.events.WindowOfTolerance;
import org.attune.kit.web.InvalidRequestException;
import org.junit.jupiter.api.Test;

class CheckInRequestTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 27);
    static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");

    static CheckInRequest request(Integer mood, List<String> emotions, List<String> tags, LocalDate day) {
        return new CheckInRequest(mood, WindowOfTolerance.WITHIN, emotions, 5, null, tags, null, day, null);
    }

    static CheckInRequest backdated(Instant recordedAt, LocalDate day) {
        return new CheckInRequest(5, WindowOfTolerance.WITHIN, null, 5, null, null, null, day, recordedAt);
    }

    static List<String> fields(Runnable r) {
        try {
            r.run();
            return List.of();
        } catch (InvalidRequestException e) {
            return e.problems().stream()
                    .map(InvalidRequestException.FieldProblem::field)
                    .toList();
        }
    }

    @Test
    void mood_and_energy_accept_0_and_10_and_refuse_anything_outside() {
        assertThat(request(0, List.of(), List.of(), null).validate(NOW).mood()).isZero();
        assertThat(request(10, List.of(), List.of(), null).validate(NOW).mood()).isEqualTo(10);
        assertThat(fields(() -> request(11, List.of(), List.of(), null).validate(NOW)))
                .containsExactly("mood");
        assertThat(fields(() -> request(null, List.of(), List.of(), null).validate(NOW)))
                .containsExactly("mood");
    }

    @Test
    void up_to_five_emotions_listed_or_free_words_of_at_most_30_characters() {
        var five = List.of("calm", "sad", "Numb", "tired", "a word of my own");
        assertThat(request(5, five, List.of(), null).validate(NOW).emotions())
                .containsExactly("calm", "sad", "numb", "tired", "a word of my own");
        assertThat(fields(() -> request(5, List.of("a", "b", "c", "d", "e", "f"), List.of(), null)
                        .validate(NOW)))
                .containsExactly("emotions");
        assertThat(fields(() ->
                        request(5, List.of("x".repeat(30)), List.of(), null).validate(NOW)))
                .isEmpty();
        assertThat(fields(() ->
                        request(5, List.of("x".repeat(31)), List.of(), null).validate(NOW)))
                .containsExactly("emotions[0]");
        assertThat(Vocabulary.EMOTIONS).hasSize(20).allMatch(w -> w.equals(w.toLowerCase()));
    }

    @Test
    void only_the_five_pattern_tags_are_accepted() {
        assertThat(request(5, List.of(), Vocabulary.PATTERN_TAGS, null)
                        .validate(NOW)
                        .tags())
                .hasSize(5);
        assertThat(fields(() -> request(5, List.of(), List.of("streak"), null).validate(NOW)))
                .containsExactly("tags[0]");
    }

    @Test
    void the_day_defaults_to_today_and_may_differ_by_one_day_for_time_zones() {
        assertThat(request(5, null, null, null).validate(NOW).localDate()).isEqualTo(TODAY);
        assertThat(request(5, null, null, TODAY.plusDays(1)).validate(NOW).localDate())
                .isEqualTo(TODAY.plusDays(1));
        assertThatThrownBy(() -> request(5, null, null, TODAY.minusDays(2)).validate(NOW))
                .isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void recorded_at_defaults_to_now_and_a_backdated_check_in_lands_on_its_own_day() {
        assertThat(request(5, null, null, null).validate(NOW).recordedAt()).isEqualTo(NOW);
        var yesterday = NOW.minus(Duration.ofDays(1));
        var valid = backdated(yesterday, null).validate(NOW);
        assertThat(valid.recordedAt()).isEqualTo(yesterday);
        assertThat(valid.localDate()).isEqualTo(TODAY.minusDays(1));
        // the client's own day may differ from the UTC day of the backdated moment by one, not more
        assertThat(backdated(yesterday, TODAY.minusDays(2)).validate(NOW).localDate())
                .isEqualTo(TODAY.minusDays(2));
        assertThat(fields(() -> backdated(yesterday, TODAY).validate(NOW))).isEmpty();
        assertThat(fields(() -> backdated(yesterday, TODAY.plusDays(1)).validate(NOW)))
                .containsExactly("localDate");
    }

    @Test
    void recorded_at_may_be_at_most_five_minutes_ahead_and_at_most_sixty_days_back() {
        assertThat(fields(() -> backdated(NOW.plus(Duration.ofMinutes(5)), null).validate(NOW)))
                .isEmpty();
        assertThat(fields(() -> backdated(NOW.plus(Duration.ofMinutes(5)).plusMillis(1), null)
                        .validate(NOW)))
                .containsExactly("recordedAt");
        assertThat(fields(() -> backdated(NOW.minus(Duration.ofDays(60)), null).validate(NOW)))
                .isEmpty();
        assertThat(fields(() -> backdated(NOW.minus(Duration.ofDays(60)).minusMillis(1), null)
                        .validate(NOW)))
                .containsExactly("recordedAt");
    }
}
