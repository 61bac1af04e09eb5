package org.attune.webui.home.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.router.BeforeEnterEvent;
import org.attune.events.Role;
import org.attune.webui.library.ui.SignedIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Configuration;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

/**
 * Where people land: signing in returns to the start page, which sends a client on to Today and a therapist to their
 * clients. The pages they land on are not part of this test, so it looks at where the start page forwards to (the
 * whole way, in a browser, is in {@code EndToEndIT}).
 */
@SpringJUnitConfig(LandingTest.Beans.class)
@ViewPackages(classes = WelcomeView.class)
class LandingTest extends SpringBrowserlessTest {

    @Configuration(proxyBeanMethods = false)
    static class Beans {}

    @AfterEach
    void signOut() {
        SignedIn.out();
    }

    private static BeforeEnterEvent enterStartPage() {
        var event = mock(BeforeEnterEvent.class);
        new WelcomeView().beforeEnter(event);
        return event;
    }

    @Test
    void aClientLandsOnToday() {
        SignedIn.as(Role.CLIENT);

        verify(enterStartPage()).forwardTo("today");
    }

    @Test
    void aTherapistLandsOnTheirClients() {
        SignedIn.as(Role.THERAPIST);

        verify(enterStartPage()).forwardTo("clients");
    }

    @Test
    void someoneNotSignedInStaysOnTheWelcome() {
        SignedIn.out();

        verify(enterStartPage(), never()).forwardTo(anyString());
        assertThat(navigate(WelcomeView.class).helpLink.isVisible()).isTrue();
    }
}
