package org.attune.webui.progress.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Svg;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.attune.webui.progress.ProgressData;
import org.attune.webui.progress.ProgressGateway;
import org.attune.webui.progress.ProgressRange;
import org.attune.webui.security.Caller;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

/** The client's progress page without a browser, with an in-memory progress source instead of checkin-service. */
@SpringJUnitConfig(ProgressViewTest.Beans.class)
@ViewPackages(classes = ProgressView.class)
class ProgressViewTest extends SpringBrowserlessTest {

    static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");
    static final LocalDate TODAY = LocalDate.of(2026, 11, 27);

    /** Answers what the test sets, and remembers what was asked. */
    static class FakeProgress implements ProgressGateway {
        Optional<ProgressData> answer = Optional.empty();
        LocalDate askedFrom;
        LocalDate askedTo;
        UUID askedBy;

        @Override
        public Optional<ProgressData> own(Caller client, LocalDate from, LocalDate to) {
            askedBy = client.id();
            askedFrom = from;
            askedTo = to;
            return answer;
        }

        @Override
        public Optional<ProgressData> ofClient(Caller therapist, UUID clientId, LocalDate from, LocalDate to) {
            throw new AssertionError("a client's own page never reads another client");
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Beans {
        @Bean
        FakeProgress fakeProgress() {
            return new FakeProgress();
        }

        @Bean
        org.attune.webui.progress.FakeGoals fakeGoals() {
            return new org.attune.webui.progress.FakeGoals();
        }

        @Bean
        Clock clock() {
            return Clock.fixed(NOW, ZoneOffset.UTC);
        }
    }

    @Autowired
    FakeProgress fake;

    UUID me = UUID.randomUUID();

    @BeforeEach
    void signIn() {
        var jwt = Jwt.withTokenValue("t")
                .header("alg", "none")
                .subject(me.toString())
                .claim("role", "CLIENT")
                .build();
        SecurityContextHolder.getContext()
                .setAuthentication(new JwtAuthenticationToken(jwt, List.of(new SimpleGrantedAuthority("ROLE_CLIENT"))));
        fake.answer = Optional.empty();
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    static ProgressData sixWeeks() {
        var mood = new ProgressData.Mood(
                List.of(
                        new ProgressData.DayPoint(TODAY.minusDays(3), 4.5, 6, 2),
                        new ProgressData.DayPoint(TODAY.minusDays(1), 7, 5, 1)),
                List.of(
                        new ProgressData.WeekWindows(LocalDate.of(2026, 11, 16), 1, 2, 0),
                        new ProgressData.WeekWindows(LocalDate.of(2026, 11, 23), 0, 1, 1)),
                List.of(
                        new ProgressData.WeekDays(LocalDate.of(2026, 11, 16), 3),
                        new ProgressData.WeekDays(LocalDate.of(2026, 11, 23), 0)),
                List.of(new ProgressData.Count("calm", 4), new ProgressData.Count("tired", 2)),
                List.of(new ProgressData.Count("people-pleasing", 1), new ProgressData.Count("needs-advocated", 3)));
        return new ProgressData(
                TODAY.minusDays(27),
                TODAY,
                Set.of("MOOD_CHECKINS", "INSTRUMENT_SCORES", "SESSION_FEEDBACK"),
                mood,
                List.of(new ProgressData.InstrumentSeries(
                        "PHQ-9",
                        List.of(
                                new ProgressData.InstrumentPoint(NOW.minusSeconds(86400 * 14), 11, 27, "moderate"),
                                new ProgressData.InstrumentPoint(NOW.minusSeconds(86400 * 2), 7, 27, "mild")),
                        new ProgressData.Change(
                                "RECOVERY", 11, NOW.minusSeconds(86400 * 14), 7, NOW.minusSeconds(86400 * 2), 6, 10))),
                List.of(
                        new ProgressData.SessionPoint(
                                NOW.minusSeconds(86400 * 8), TODAY.minusDays(8), 36, 40, false, null),
                        new ProgressData.SessionPoint(
                                NOW.minusSeconds(86400), TODAY.minusDays(1), 20, 40, true, "LOW_TOTAL")),
                "about");
    }

    private static String text(Component c) {
        return c.getElement().getTextRecursively();
    }

    private Svg chart(String id) {
        return $(Svg.class).id(id);
    }

    @Test
    void everyChartIsShownWithATableOfTheSameFigures() {
        fake.answer = Optional.of(sixWeeks());

        var view = navigate(ProgressView.class);

        for (var id :
                List.of("chart-mood", "chart-window", "chart-continuity", "chart-instrument-phq-9", "chart-sessions")) {
            assertThat(chart(id).getElement().getProperty("innerHTML", "")
                            + chart(id).getElement().toString())
                    .as(id)
                    .contains("<svg");
        }
        var all = text(view.charts);
        assertThat(all)
                .contains("4.5") // the mood table
                .contains("11 / 27")
                .contains("Moderate")
                .contains("Mild")
                .contains("20 / 40")
                .contains("calm (4)")
                .contains("Putting others first (people-pleasing): 1")
                .contains("I spoke up for a need: 3")
                .doesNotContain("needs-advocated");
        assertThat(view.empty.isVisible()).isFalse();
        assertThat(fake.askedBy).isEqualTo(me);
    }

    @Test
    void ruptureSignalsAreMarkedOnTheSessionChartAndNamedInItsTable() {
        fake.answer = Optional.of(sixWeeks());

        var view = navigate(ProgressView.class);

        assertThat(chart("chart-sessions").getElement().toString()).contains("class=\"marker\"");
        assertThat(text(view.charts)).contains("Yes (lower than usual overall)");
    }

    @Test
    void theChangeSinceTheFirstAnswerIsToldInPlainWordsWithTheFiguresItRestsOn() {
        fake.answer = Optional.of(sixWeeks());

        navigate(ProgressView.class);

        var note = $(ChangeNote.class).id("change-phq-9");
        assertThat(note.getElement().getAttribute("data-outcome")).isEqualTo("RECOVERY");
        assertThat(text(note))
                .contains("below the level that usually means this is weighing on you a lot")
                .contains("From 11 at your first answer to 7 at your latest")
                .contains("6 or more in the total")
                .doesNotContainIgnoringCase("recovery")
                .doesNotContainIgnoringCase("deterioration");
    }

    @Test
    void aSingleAnswerSaysWhenAChangeWillBeDescribed() {
        var data = sixWeeks();
        fake.answer = Optional.of(new ProgressData(
                data.from(),
                data.to(),
                data.includedDataClasses(),
                data.mood(),
                List.of(new ProgressData.InstrumentSeries(
                        "GAD-7",
                        List.of(new ProgressData.InstrumentPoint(NOW.minusSeconds(86400), 6, 21, "mild")),
                        null)),
                data.sessionConnection(),
                data.about()));

        navigate(ProgressView.class);

        assertThat(text($(ChangeNote.class).id("change-gad-7"))).contains("from the second answer on");
    }

    @Test
    void theRangeSelectorAsksForFourWeeksThreeMonthsOrAYear() {
        fake.answer = Optional.of(sixWeeks());
        var view = navigate(ProgressView.class);
        assertThat(fake.askedFrom).isEqualTo(TODAY.minusDays(27));
        assertThat(fake.askedTo).isEqualTo(TODAY);

        test(view.range).selectItem("3 months");
        assertThat(fake.askedFrom).isEqualTo(TODAY.minusDays(90));

        test(view.range).selectItem("1 year");
        assertThat(fake.askedFrom).isEqualTo(TODAY.minusDays(364));
        assertThat(view.range.getValue()).isEqualTo(ProgressRange.ONE_YEAR);
    }

    @Test
    void withNothingYetThePageExplainsWhatWillAppearWithoutGuilt() {
        fake.answer = Optional.of(new ProgressData(
                TODAY.minusDays(27),
                TODAY,
                Set.of(),
                new ProgressData.Mood(List.of(), List.of(), List.of(), List.of(), List.of()),
                List.of(),
                List.of(),
                "about"));

        var view = navigate(ProgressView.class);

        assertThat(view.empty.isVisible()).isTrue();
        assertThat(text(view.empty)).contains("mood and energy").contains("window of tolerance");
        assertThat(text(view)).doesNotContainIgnoringCase("streak").doesNotContainIgnoringCase("missed");
        assertThat($(Svg.class).all()).isEmpty();
    }

    @Test
    void whenTheServiceDoesNotAnswerThePageSaysSoKindly() {
        var view = navigate(ProgressView.class);

        assertThat(view.status.isVisible()).isTrue();
        assertThat(view.status.getText()).contains("could not be loaded just now");
        assertThat($(Svg.class).all()).isEmpty();
    }

    @Test
    void continuityIsShownPerWeekAndNeverAsAStreak() {
        fake.answer = Optional.of(sixWeeks());

        var view = navigate(ProgressView.class);

        assertThat(text(view)).contains("Days of noticing").doesNotContainIgnoringCase("streak");
        assertThat(chart("chart-continuity").getElement().toString()).contains("Days with a check-in 3");
    }
}
