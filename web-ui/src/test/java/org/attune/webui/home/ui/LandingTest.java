package org.attune.webui.home.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.attune.events.Role;
import org.attune.webui.library.ui.SignedIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Configuration;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

/**
 * Where people land: signing in returns to the start page, which sends a client to Today and a therapist to their
 * clients. The two destinations are stand-ins here, so only the landing itself is under test.
 */
@SpringJUnitConfig(LandingTest.Beans.class)
@ViewPackages(classes = {WelcomeView.class, LandingTest.TodayHere.class, LandingTest.ClientsHere.class})
class LandingTest extends SpringBrowserlessTest {

    @Configuration(proxyBeanMethods = false)
    static class Beans {}

    @Route(WelcomeView.CLIENT_HOME)
    @AnonymousAllowed
    static class TodayHere extends Div {}

    @Route(WelcomeView.THERAPIST_HOME)
    @AnonymousAllowed
    static class ClientsHere extends Div {}

    @AfterEach
    void signOut() {
        SignedIn.out();
    }

    @Test
    void aClientLandsOnToday() {
        SignedIn.as(Role.CLIENT);

        UI.getCurrent().navigate("");

        assertThat(getCurrentView()).isInstanceOf(TodayHere.class);
    }

    @Test
    void aTherapistLandsOnTheirClients() {
        SignedIn.as(Role.THERAPIST);

        UI.getCurrent().navigate("");

        assertThat(getCurrentView()).isInstanceOf(ClientsHere.class);
    }

    @Test
    void someoneNotSignedInSeesTheWelcome() {
        SignedIn.out();

        UI.getCurrent().navigate("");

        assertThat(getCurrentView()).isInstanceOf(WelcomeView.class);
    }
}
