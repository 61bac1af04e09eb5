package org.attune.webui.operator.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.reset;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.spring.security.SpringNavigationAccessControl;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.attune.events.Role;
import org.attune.webui.library.ui.SignedIn;
import org.attune.webui.operator.OperatorDesk;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

/** The operator desk without a browser, against a stand-in desk: who waits, verifying, suspending, the log. */
@SpringJUnitConfig(OperatorViewTest.Beans.class)
@ViewPackages(classes = OperatorView.class)
class OperatorViewTest extends SpringBrowserlessTest {

    @Configuration(proxyBeanMethods = false)
    static class Beans {

        @Bean
        OperatorDesk desk() {
            return mock(OperatorDesk.class);
        }

        @Bean
        VaadinServiceInitListener roleChecks() {
            var access = new SpringNavigationAccessControl();
            return event -> event.getSource().addUIInitListener(ui -> ui.getUI().addBeforeEnterListener(access));
        }
    }

    @Autowired
    OperatorDesk desk;

    static final OperatorDesk.WaitingTherapist NOOR = new OperatorDesk.WaitingTherapist(
            "t-1",
            "Dr. Noor",
            "noor@example.org",
            "Health and Care Professions Council",
            "PYL1",
            "GB",
            Instant.parse("2025-05-01T10:00:00Z"));

    @BeforeEach
    void oneTherapistWaits() {
        reset(desk);
        when(desk.waitingTherapists(any())).thenReturn(List.of(NOOR));
        when(desk.auditLog(any()))
                .thenReturn(List.of(new OperatorDesk.AuditEntry(
                        Instant.parse("2025-05-02T10:00:00Z"), "op-1", "THERAPIST_VERIFIED", "t-0")));
    }

    @AfterEach
    void signOut() {
        SignedIn.out();
    }

    @Test
    void theTherapistWaitingIsShownWithTheirRegistrationAndCanBeVerified() {
        var operator = SignedIn.as(Role.OPERATOR);
        var view = navigate(OperatorView.class);

        assertThat(view.waiting.empty.isVisible()).isFalse();
        assertThat(view.waiting.list.getElement().getTextRecursively())
                .contains(
                        "Dr. Noor",
                        "noor@example.org",
                        "Health and Care Professions Council",
                        "PYL1",
                        "United Kingdom");
        when(desk.waitingTherapists(any())).thenReturn(List.of());
        test(view.waiting.verifyButtons.getFirst()).click();

        verify(desk).verify(operator, "t-1");
        assertThat(view.waiting.empty.isVisible()).isTrue();
    }

    @Test
    void anAccountFoundByEmailCanBeSuspendedAndTheLogOffersBothDownloads() {
        var operator = SignedIn.as(Role.OPERATOR);
        var active = new OperatorDesk.AccountSummary("c-1", "Cleo", "cleo@example.org", Role.CLIENT, null, false);
        var suspended = new OperatorDesk.AccountSummary("c-1", "Cleo", "cleo@example.org", Role.CLIENT, null, true);
        when(desk.find(operator, "cleo@example.org")).thenReturn(Optional.of(active));
        when(desk.suspend(eq(operator), eq("c-1"))).thenReturn(suspended);
        var view = navigate(OperatorView.class);

        test(view.standing.email).setValue("cleo@example.org");
        test(view.standing.find).click();
        assertThat(view.standing.result.getText()).isEqualTo("Cleo (client) can sign in.");
        assertThat(view.standing.reinstate.isVisible()).isFalse();
        test(view.standing.suspend).click();

        assertThat(view.standing.result.getText()).isEqualTo("Cleo (client) is suspended.");
        assertThat(view.standing.reinstate.isVisible()).isTrue();
        assertThat(view.audit.csv.getHref()).isEqualTo("api/operator/audit.csv");
        assertThat(view.audit.json.getHref()).isEqualTo("api/operator/audit.json");
        assertThat(test(view.audit.grid).size()).isEqualTo(1);
        assertThat(test(view.audit.grid).getCellText(0, 1)).isEqualTo("Verified a therapist");
    }

    @Test
    void nobodyButAnOperatorGetsTheDesk() {
        SignedIn.as(Role.THERAPIST);

        Object shown;
        try {
            com.vaadin.flow.component.UI.getCurrent().navigate("operator");
            shown = getCurrentView();
        } catch (RuntimeException refused) {
            shown = refused;
        }

        assertThat(shown).isNotInstanceOf(OperatorView.class);
        verify(desk, org.mockito.Mockito.never()).waitingTherapists(any());
    }
}
