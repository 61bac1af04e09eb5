package org.attune.webui.checkin.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.UI;
import org.attune.events.Role;
import org.attune.webui.checkin.ClientViewsTestConfig;
import org.attune.webui.checkin.FakeCheckinGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

/** The client's own pages are the client's: a therapist cannot open them, a client can. */
@SpringJUnitConfig(ClientViewsTestConfig.class)
@ViewPackages(packages = "org.attune.webui.checkin.ui")
class RoleRestrictionTest extends SpringBrowserlessTest {

    @Autowired
    FakeCheckinGateway checkins;

    @BeforeEach
    void reset() {
        checkins.reset();
    }

    @AfterEach
    void signOut() {
        ClientViewsTestConfig.signOut();
    }

    private Object open(String route) {
        try {
            UI.getCurrent().navigate(route);
        } catch (RuntimeException refused) {
            return refused;
        }
        return getCurrentView();
    }

    @ParameterizedTest
    @ValueSource(strings = {"today", "questionnaires", "after-session", "bring-to-session"})
    void aTherapistCannotOpenTheClientsPages(String route) {
        ClientViewsTestConfig.signIn(Role.THERAPIST);

        var shown = open(route);

        assertThat(shown)
                .isNotInstanceOfAny(
                        TodayView.class, QuestionnairesView.class, AfterSessionView.class, BringToSessionView.class);
        assertThat(checkins.checkInsSent).isEmpty();
        assertThat(checkins.rangesAsked).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"today", "questionnaires", "after-session", "bring-to-session"})
    void someoneNotSignedInCannotOpenThemEither(String route) {
        ClientViewsTestConfig.signOut();

        var shown = open(route);

        assertThat(shown)
                .isNotInstanceOfAny(
                        TodayView.class, QuestionnairesView.class, AfterSessionView.class, BringToSessionView.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"today", "questionnaires", "after-session", "bring-to-session"})
    void aClientCanOpenThem(String route) {
        ClientViewsTestConfig.signIn(Role.CLIENT);

        var shown = open(route);

        assertThat(shown)
                .isInstanceOfAny(
                        TodayView.class, QuestionnairesView.class, AfterSessionView.class, BringToSessionView.class);
    }
}
