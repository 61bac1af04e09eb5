package org.attune.checkin.measures;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.attune.events.MeasureCadenceUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CadenceTest {

    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    static Stream<Arguments> dueDates() {
        return Stream.of(
                Arguments.of(2, MeasureCadenceUnit.WEEKS, "2027-03-14", new String[] {
                    "2027-03-14", "2027-03-28", "2027-04-11", "2027-04-25", "2027-05-09", "2027-05-23", "2027-06-06"
                }),
                Arguments.of(2, MeasureCadenceUnit.WEEKS, "2026-10-18", new String[] {
                    "2026-10-18", "2026-11-01", "2026-11-15", "2026-11-29", "2026-12-13", "2026-12-27", "2027-01-10"
                }),
                Arguments.of(1, MeasureCadenceUnit.MONTHS, "2027-01-31", new String[] {
                    "2027-01-31", "2027-02-28", "2027-03-31", "2027-04-30", "2027-05-31", "2027-06-30", "2027-07-31"
                }),
                Arguments.of(10, MeasureCadenceUnit.DAYS, "2027-03-20", new String[] {
                    "2027-03-20", "2027-03-30", "2027-04-09", "2027-04-19", "2027-04-29", "2027-05-09", "2027-05-19"
                }));
    }

    @ParameterizedTest(name = "every {0} {1} from {2}")
    @MethodSource("dueDates")
    void due_dates_are_calendar_days_counted_from_the_first_one(
            int every, MeasureCadenceUnit unit, String first, String[] expected) {
        var cadence = new Cadence(every, unit);
        assertThat(IntStream.range(0, expected.length).mapToObj(i -> cadence.due(LocalDate.parse(first), i)))
                .map(LocalDate::toString)
                .containsExactly(expected);
    }

    @Test
    void a_window_opens_at_the_client_s_midnight_on_either_side_of_the_spring_change() {
        // London moves to BST at 01:00 UTC on Sunday 28 March 2027.
        var before = Cadence.Window.of(LocalDate.parse("2027-03-14"), 3, LONDON);
        var across = Cadence.Window.of(LocalDate.parse("2027-03-28"), 3, LONDON);
        var after = Cadence.Window.of(LocalDate.parse("2027-04-11"), 3, LONDON);

        assertThat(before.opensAt()).isEqualTo("2027-03-14T00:00:00Z");
        assertThat(before.closesAt()).isEqualTo("2027-03-17T00:00:00Z");
        assertThat(across.opensAt()).isEqualTo("2027-03-28T00:00:00Z");
        assertThat(across.closesAt()).isEqualTo("2027-03-30T23:00:00Z");
        assertThat(after.opensAt()).isEqualTo("2027-04-10T23:00:00Z");
        assertThat(after.closesAt()).isEqualTo("2027-04-13T23:00:00Z");
    }

    @Test
    void a_window_across_the_autumn_change_is_an_hour_longer_and_still_ends_at_local_midnight() {
        // New York falls back at 06:00 UTC on Sunday 7 November 2027.
        var across = Cadence.Window.of(LocalDate.parse("2027-11-06"), 3, NEW_YORK);

        assertThat(across.opensAt()).isEqualTo("2027-11-06T04:00:00Z");
        assertThat(across.closesAt()).isEqualTo("2027-11-09T05:00:00Z");
    }

    @Test
    void the_window_may_not_be_longer_than_the_shortest_gap_between_two_due_dates() {
        assertThat(new Cadence(1, MeasureCadenceUnit.DAYS).shortestDays()).isEqualTo(1);
        assertThat(new Cadence(2, MeasureCadenceUnit.WEEKS).shortestDays()).isEqualTo(14);
        assertThat(new Cadence(1, MeasureCadenceUnit.MONTHS).shortestDays()).isEqualTo(28);
    }

    @Test
    void windows_that_closed_while_nobody_looked_are_skipped_not_made_up() {
        var cadence = new Cadence(1, MeasureCadenceUnit.WEEKS);
        var first = LocalDate.parse("2027-03-01");

        assertThat(cadence.firstIndexNotClosed(first, 0, 3, LONDON, Instant.parse("2027-03-03T23:59:00Z")))
                .isZero();
        assertThat(cadence.firstIndexNotClosed(first, 0, 3, LONDON, Instant.parse("2027-03-04T00:00:00Z")))
                .isEqualTo(1);
        assertThat(cadence.firstIndexNotClosed(first, 0, 3, LONDON, Instant.parse("2027-03-20T12:00:00Z")))
                .isEqualTo(3);
        assertThat(cadence.firstIndexOnOrAfter(first, LocalDate.parse("2027-03-09")))
                .isEqualTo(2);
    }
}
