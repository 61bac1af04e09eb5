package org.attune.webui.measures.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.UI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.attune.events.Role;
import org.attune.webui.checkin.ClientViewsTestConfig;
import org.attune.webui.measures.AssignResult;
import org.attune.webui.measures.FakeMeasuresGateway;
import org.attune.webui.measures.ScheduledMeasure;
import org.attune.webui.security.Caller;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

/** The therapist's scheduled-questionnaires section of a client's dashboard, without a browser. */
@SpringJUnitConfig(ClientViewsTestConfig.class)
@ViewPackages(packages = "org.attune.webui.checkin.ui")
class MeasuresPanelTest extends SpringBrowserlessTest {

    @Autowired
    FakeMeasuresGateway measures;

    @Autowired
    MeasuresPanels panels;

    Caller therapist;
    UUID client = UUID.randomUUID();

    @BeforeEach
    void therapist() {
        measures.reset();
        therapist = ClientViewsTestConfig.signIn(Role.THERAPIST);
    }

    @AfterEach
    void signOut() {
        ClientViewsTestConfig.signOut();
    }

    private MeasuresPanel panel() {
        var panel = panels.create(therapist, client);
        UI.getCurrent().add(panel);
        return panel;
    }

    @Test
    void aTherapistSchedulesPhq9EveryTwoWeeksWithTheDefaultWindowAndSeesItListed() {
        var panel = panel();
        assertThat(panel.list.getElement().getTextRecursively()).contains("Nothing scheduled yet.");

        panel.questionnaire.setValue(
                measures.questionnaires(therapist).orElseThrow().getFirst());
        panel.firstDue.setValue(LocalDate.parse("2026-11-30"));
        test(panel.schedule).click();

        var sent = measures.requests.getFirst();
        assertThat(sent.code()).isEqualTo("PHQ-9");
        assertThat(sent.every()).isEqualTo(2);
        assertThat(sent.unit()).isEqualTo("WEEKS");
        assertThat(sent.windowDays()).isEqualTo(3);
        assertThat(panel.status.getText()).contains("is scheduled");
        assertThat(panel.list.getElement().getTextRecursively())
                .contains("Every 2 weeks, open for 3 days each time")
                .contains("Next date");
    }

    @Test
    void theFieldsTheServiceNamesAreMarkedOnTheFormAndNothingIsLost() {
        measures.nextAssign = new AssignResult.Invalid(Map.of("windowDays", "too long", "every", "range"));
        var panel = panel();
        panel.questionnaire.setValue(
                measures.questionnaires(therapist).orElseThrow().getFirst());
        panel.every.setValue(1);
        panel.unit.setValue("DAYS");
        panel.windowDays.setValue(5);

        test(panel.schedule).click();

        assertThat(panel.windowDays.isInvalid()).isTrue();
        assertThat(panel.windowDays.getErrorMessage()).contains("at most as long as the time between two dates");
        assertThat(panel.every.isInvalid()).isTrue();
        assertThat(panel.questionnaire.isInvalid()).isFalse();
        assertThat(panel.windowDays.getValue()).isEqualTo(5);
        assertThat(panel.status.getText()).isEqualTo("Some of the details need another look.");
    }

    @Test
    void pausedByTheClientAndNotAnsweredThisWindowAreShownWithoutAnyReason() {
        measures.scheduled.put(
                client,
                List.of(
                        new ScheduledMeasure(
                                "a",
                                "PHQ-9",
                                "PHQ-9",
                                2,
                                "WEEKS",
                                3,
                                LocalDate.parse("2026-11-01"),
                                "SCHEDULED",
                                LocalDate.parse("2026-11-29"),
                                LocalDate.parse("2026-11-15"),
                                "NOT_ANSWERED"),
                        new ScheduledMeasure(
                                "b",
                                "GAD-7",
                                "GAD-7",
                                1,
                                "MONTHS",
                                3,
                                LocalDate.parse("2026-11-01"),
                                "PAUSED_BY_CLIENT",
                                null,
                                null,
                                null)));
        var panel = panel();

        var text = panel.list.getElement().getTextRecursively();
        assertThat(text).contains("Not answered this window").contains("Paused by the client");
        assertThat(text).doesNotContainIgnoringCase("because").doesNotContainIgnoringCase("reason");
    }

    @Test
    void withoutAnAnswerFromTheServiceThePanelSaysSoCalmly() {
        measures.answering = false;
        assertThat(panel().list.getElement().getTextRecursively()).contains("cannot be shown right now");
        measures.nextAssign = new AssignResult.NotShared();
    }
}
