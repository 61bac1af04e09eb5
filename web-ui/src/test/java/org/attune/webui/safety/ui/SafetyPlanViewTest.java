package org.attune.webui.safety.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.button.Button;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.attune.events.Role;
import org.attune.webui.checkin.ClientViewsTestConfig;
import org.attune.webui.checkin.Outcome;
import org.attune.webui.safety.FakeSafetyGateway;
import org.attune.webui.safety.PlanSection;
import org.attune.webui.safety.SafetyPlan;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

/** The client's safety-plan editor and the therapist's read-only panel, without a browser. */
@SpringJUnitConfig(ClientViewsTestConfig.class)
@ViewPackages(classes = SafetyPlanView.class)
class SafetyPlanViewTest extends SpringBrowserlessTest {

    static final Instant SAVED = Instant.parse("2026-11-20T18:00:00Z");

    @Autowired
    FakeSafetyGateway safety;

    @Autowired
    SafetyPlanPanels panels;

    @BeforeEach
    void client() {
        safety.reset();
        ClientViewsTestConfig.signIn(Role.CLIENT);
    }

    @AfterEach
    void signOut() {
        ClientViewsTestConfig.signOut();
    }

    static SafetyPlan.Suggestion suggestion(String id, PlanSection section, List<String> entries) {
        return new SafetyPlan.Suggestion(id, UUID.randomUUID(), section, entries, "As we said today.", SAVED, "OPEN");
    }

    @Test
    void theSevenPartsAreOfferedInTheirOrderAndANewPlanSaysItIsNotWrittenYet() {
        var view = navigate(SafetyPlanView.class);

        assertThat(view.editor.areas.keySet()).containsExactly(PlanSection.values());
        assertThat(view.editor.getElement().getTextRecursively())
                .containsSubsequence(
                        "Warning signs",
                        "Things I can do on my own",
                        "People and places that distract me",
                        "People I can ask for help",
                        "Professionals and services",
                        "Making my surroundings safer",
                        "My reasons for living");
        assertThat(view.version.getText()).contains("Not written yet");
        assertThat(view.save.isEnabled()).isTrue();
    }

    @Test
    void savingSendsOneEntryPerLineFromTheVersionItStartedFromAndSaysWhichVersionItIs() {
        safety.plan = new SafetyPlan(
                3, SAVED, Map.of(PlanSection.WARNING_SIGNS, List.of("I stop answering messages")), List.of());
        var view = navigate(SafetyPlanView.class);
        assertThat(view.editor.areas.get(PlanSection.WARNING_SIGNS).getValue()).isEqualTo("I stop answering messages");

        test(view.editor.areas.get(PlanSection.PEOPLE_TO_ASK)).setValue("Sam, 0123 456\n\n  my sister  \n");
        test(view.save).click();

        assertThat(safety.basedOn).containsExactly(3);
        assertThat(safety.saved.getFirst())
                .containsEntry(PlanSection.PEOPLE_TO_ASK, List.of("Sam, 0123 456", "my sister"))
                .containsEntry(PlanSection.WARNING_SIGNS, List.of("I stop answering messages"))
                .containsEntry(PlanSection.REASONS_FOR_LIVING, List.of());
        assertThat(view.status.getText()).contains("version 4");
        assertThat(view.version.getText()).contains("Version 4");
    }

    @Test
    void partsTheServiceRefusesAreMarkedAndNothingIsLost() {
        safety.problems = List.of(new Outcome.FieldProblem("sections.ownCoping[0]", "must be at most 500 characters"));
        var view = navigate(SafetyPlanView.class);
        var long_ = "x".repeat(501);
        test(view.editor.areas.get(PlanSection.OWN_COPING)).setValue(long_);

        test(view.save).click();

        assertThat(view.editor.areas.get(PlanSection.OWN_COPING).isInvalid()).isTrue();
        assertThat(view.editor.areas.get(PlanSection.OWN_COPING).getValue()).isEqualTo(long_);
        assertThat(view.editor.areas.get(PlanSection.WARNING_SIGNS).isInvalid()).isFalse();
        assertThat(view.status.getText()).contains("look at the marked parts");
    }

    @Test
    void aSaveAfterAnotherOneInBetweenShowsTheLatestVersionAndSaysSo() {
        var view = navigate(SafetyPlanView.class);
        safety.conflict = true;
        safety.plan = new SafetyPlan(5, SAVED, Map.of(PlanSection.REASONS_FOR_LIVING, List.of("the sea")), List.of());

        test(view.editor.areas.get(PlanSection.WARNING_SIGNS)).setValue("tired");
        test(view.save).click();

        assertThat(view.status.getText()).contains("changed somewhere else");
        assertThat(view.editor.areas.get(PlanSection.REASONS_FOR_LIVING).getValue())
                .isEqualTo("the sea");
        assertThat(view.basedOn).isEqualTo(5);
        assertThat(safety.saved).isEmpty();
    }

    @Test
    void aPlanThatCouldNotBeLoadedCannotBeSavedOver() {
        safety.down = true;

        var view = navigate(SafetyPlanView.class);

        assertThat(view.status.getText()).contains("could not be loaded just now");
        assertThat(view.save.isEnabled()).isFalse();
    }

    @Test
    void theClientTakesOneSuggestionIntoThePlanAndKeepsThePlanAsItIsForAnother() {
        safety.plan = new SafetyPlan(
                1,
                SAVED,
                Map.of(PlanSection.PEOPLE_TO_ASK, List.of("Sam")),
                List.of(
                        suggestion("s1", PlanSection.PEOPLE_TO_ASK, List.of("Sam", "my GP")),
                        suggestion("s2", PlanSection.WARNING_SIGNS, List.of("skipping meals"))));
        var view = navigate(SafetyPlanView.class);
        assertThat(view.suggestions.getElement().getTextRecursively())
                .contains("A suggestion for \"People I can ask for help\"")
                .contains("my GP")
                .contains("As we said today.");
        test(view.editor.areas.get(PlanSection.REASONS_FOR_LIVING)).setValue("still typing");

        test(find(Button.class, view.suggestions).id("suggestion-accept-s1")).click();

        assertThat(view.editor.areas.get(PlanSection.PEOPLE_TO_ASK).getValue()).isEqualTo("Sam\nmy GP");
        assertThat(view.editor.areas.get(PlanSection.REASONS_FOR_LIVING).getValue())
                .isEqualTo("still typing");
        assertThat(view.status.getText()).contains("version 2");
        assertThat(view.basedOn).isEqualTo(2);

        test(find(Button.class, view.suggestions).id("suggestion-decline-s2")).click();

        assertThat(safety.answered)
                .containsExactly(
                        new FakeSafetyGateway.Answered("s1", true), new FakeSafetyGateway.Answered("s2", false));
        assertThat(view.status.getText()).contains("Your plan stays as it is");
        assertThat(view.suggestions.getChildren()).isEmpty();
        assertThat(view.editor.areas.get(PlanSection.WARNING_SIGNS).getValue()).isEmpty();
    }

    @Test
    void aTherapistSeesThePlanReadOnlyAndSuggestsAChangeToOnePart() {
        safety.plan = new SafetyPlan(2, SAVED, Map.of(PlanSection.OWN_COPING, List.of("a long walk")), List.of());
        var page = navigate(SafetyPlanView.class);
        var therapist = ClientViewsTestConfig.signIn(Role.THERAPIST);
        var client = UUID.randomUUID();

        var panel = panels.create(therapist, client);
        page.add(panel);

        assertThat(panel.plan.getElement().getTextRecursively())
                .contains("Version 2")
                .contains("Things I can do on my own")
                .contains("a long walk");
        assertThat(find(com.vaadin.flow.component.textfield.TextArea.class, panel.plan)
                        .all())
                .isEmpty();

        test(panel.section).selectItem("People I can ask for help");
        test(panel.entries).setValue("Sam\nthe crisis team");
        test(panel.note).setValue("From today's session");
        test(panel.send).click();

        assertThat(safety.suggested)
                .containsExactly(new FakeSafetyGateway.Suggested(
                        client, PlanSection.PEOPLE_TO_ASK, List.of("Sam", "the crisis team"), "From today's session"));
        assertThat(panel.status.getText()).contains("Sent");
        assertThat(panel.entries.getValue()).isEmpty();
    }
}
