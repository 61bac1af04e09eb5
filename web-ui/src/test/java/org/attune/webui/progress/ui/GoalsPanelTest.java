package org.attune.webui.progress.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.Svg;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.attune.webui.progress.FakeGoals;
import org.attune.webui.progress.Goal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

/** The client's shared goals on their progress page, without a browser and with goals kept in memory. */
@SpringJUnitConfig(ProgressViewTest.Beans.class)
@ViewPackages(classes = ProgressView.class)
class GoalsPanelTest extends SpringBrowserlessTest {

    @Autowired
    FakeGoals goals;

    @Autowired
    ProgressViewTest.FakeProgress progress;

    @BeforeEach
    void signIn() {
        var jwt = Jwt.withTokenValue("t")
                .header("alg", "none")
                .subject(UUID.randomUUID().toString())
                .claim("role", "CLIENT")
                .build();
        SecurityContextHolder.getContext()
                .setAuthentication(new JwtAuthenticationToken(jwt, List.of(new SimpleGrantedAuthority("ROLE_CLIENT"))));
        progress.answer = Optional.of(ProgressViewTest.sixWeeks());
        goals.goals.clear();
        goals.answering = true;
        goals.changes = 0;
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private String status(ProgressView view) {
        return view.goals.status.getText();
    }

    private Div row(ProgressView view, int index) {
        return (Div) view.goals.list.getChildren().toList().get(index);
    }

    private static Button button(Div row, String className) {
        return row.getChildren()
                .filter(c -> c instanceof Button b && b.hasClassName(className))
                .map(Button.class::cast)
                .findFirst()
                .orElseThrow();
    }

    @Test
    void aClientWritesAGoalInTheirOwnWordsRatesItAndSeesItsLineBesideTheMeasures() {
        var view = navigate(ProgressView.class);
        assertThat(view.goals.overview.getElement().getTextRecursively()).contains("No goals here yet");

        view.goals.newGoal.setValue("Say what I need at work");
        view.goals.add.click();
        assertThat(goals.goals).extracting(Goal::text).containsExactly("Say what I need at work");
        assertThat(status(view)).contains("Added");

        var rating = (IntegerField) row(view, 0)
                .getChildren()
                .filter(c -> c instanceof IntegerField)
                .findFirst()
                .orElseThrow();
        rating.setValue(4);
        button(row(view, 0), "goal-rate").click();
        rating = (IntegerField) row(view, 0)
                .getChildren()
                .filter(c -> c instanceof IntegerField)
                .findFirst()
                .orElseThrow();
        rating.setValue(6);
        button(row(view, 0), "goal-rate").click();

        assertThat(goals.goals.getFirst().ratings()).containsExactly(new Goal.Rating(LocalDate.of(2026, 11, 23), 6));
        assertThat(status(view)).isEqualTo("Saved for this week.");
        var svg = $(Svg.class).id("chart-goals").getElement().toString();
        assertThat(svg).contains("class=\"point\"").contains("Goal 1");
        assertThat(view.goals.overview.words.getElement().getTextRecursively())
                .contains("Say what I need at work — latest rating 6 of 10");
    }

    @Test
    void aFourthGoalWaitsUntilOneIsArchivedAndDeletingAsksOnceMore() {
        var view = navigate(ProgressView.class);
        for (var text : List.of("one", "two", "three")) {
            view.goals.newGoal.setValue(text);
            view.goals.add.click();
        }
        assertThat(view.goals.add.isVisible()).isFalse();
        assertThat(view.goals.newGoal.isVisible()).isFalse();

        button(row(view, 0), "goal-archive").click();
        assertThat(goals.goals.getFirst().active()).isFalse();
        assertThat(view.goals.add.isVisible()).isTrue();
        assertThat(view.goals.archived.getElement().getTextRecursively()).contains("Archived goals", "one");

        var delete = button(row(view, 0), "goal-delete");
        delete.click();
        assertThat(goals.goals).hasSize(3);
        assertThat(delete.getText()).contains("Press again");
        delete.click();
        assertThat(goals.goals).extracting(Goal::text).containsExactly("one", "three");
        assertThat(status(view)).contains("Deleted");
    }

    @Test
    void aRatingOutsideZeroToTenOrEmptyWordsAreAskedAgainKindlyWithoutCallingTheService() {
        var view = navigate(ProgressView.class);
        view.goals.newGoal.setValue("   ");
        view.goals.add.click();
        assertThat(status(view)).isEqualTo("Please write a few words for the goal first.");
        view.goals.newGoal.setValue("Rest when tired");
        view.goals.add.click();
        var before = goals.changes;

        var rating = (IntegerField) row(view, 0)
                .getChildren()
                .filter(c -> c instanceof IntegerField)
                .findFirst()
                .orElseThrow();
        rating.setValue(12);
        button(row(view, 0), "goal-rate").click();

        assertThat(goals.changes).isEqualTo(before);
        assertThat(status(view)).isEqualTo("Please choose a number from 0 to 10.");
        var words = (TextField) row(view, 0)
                .getChildren()
                .filter(c -> c instanceof TextField)
                .findFirst()
                .orElseThrow();
        assertThat(words.getValue()).isEqualTo("Rest when tired");
    }

    @Test
    void goalsThatCannotBeLoadedSaySoWithoutBlamingAnyone() {
        goals.answering = false;
        var view = navigate(ProgressView.class);
        assertThat(status(view)).contains("Nothing is lost");
    }
}
