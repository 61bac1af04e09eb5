package org.attune.webui.checkin;

import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.spring.security.SpringNavigationAccessControl;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.attune.events.Role;
import org.attune.kit.crisis.CrisisLineProperties;
import org.attune.kit.crisis.CrisisLines;
import org.attune.testsupport.MutableClock;
import org.attune.webui.measures.FakeMeasuresGateway;
import org.attune.webui.measures.ui.MeasuresPanels;
import org.attune.webui.safety.FakeSafetyGateway;
import org.attune.webui.safety.HelpPresenter;
import org.attune.webui.safety.ui.SafetyPlanPanels;
import org.attune.webui.security.Caller;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * The beans the client's check-in pages need, with in-memory services in place of checkin-service and the library,
 * and Vaadin's view access control switched on, so a test can check who may open which page. No broker or database.
 * A test configuration, so the application's integration tests never pick it up.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import({HelpPresenter.class, SafetyPlanPanels.class, MeasuresPanels.class})
public class ClientViewsTestConfig {

    public static final Instant NOW = Instant.parse("2026-11-27T09:30:00Z");

    @Bean
    public FakeCheckinGateway checkinGateway() {
        return new FakeCheckinGateway();
    }

    /** checkin-service's scheduled measures, in memory. */
    @Bean
    public FakeMeasuresGateway measuresGateway() {
        return new FakeMeasuresGateway();
    }

    @Bean
    public FakeExerciseGateway exerciseGateway() {
        return new FakeExerciseGateway();
    }

    @Bean
    public org.attune.webui.report.FakeSessionReports sessionReports() {
        return new org.attune.webui.report.FakeSessionReports();
    }

    @Bean
    public MutableClock clock() {
        return new MutableClock(NOW);
    }

    /** The crisis lines as a deployment without settings has them (the kit's defaults). */
    @Bean
    public CrisisLines crisisLines() {
        return new CrisisLines(new CrisisLineProperties(null, null));
    }

    /** checkin-service's safety plan and flags, and who holds SAFETY_ALERTS, in memory. */
    @Bean
    public FakeSafetyGateway safetyGateway() {
        return new FakeSafetyGateway();
    }

    @Bean
    public VaadinServiceInitListener viewAccessControl() {
        var accessControl = new SpringNavigationAccessControl();
        return event -> event.getSource().addUIInitListener(ui -> ui.getUI().addBeforeEnterListener(accessControl));
    }

    /** Signs in as a new person of this role, the way web-ui's own bearer tokens do; returns who that is. */
    public static Caller signIn(Role role) {
        var id = UUID.randomUUID();
        var jwt = Jwt.withTokenValue("test")
                .header("alg", "none")
                .subject(id.toString())
                .claim("role", role.name())
                .build();
        var authentication =
                new JwtAuthenticationToken(jwt, List.of(new SimpleGrantedAuthority("ROLE_" + role.name())));
        SecurityContextHolder.getContext().setAuthentication(authentication);
        return new Caller(id, role);
    }

    public static void signOut() {
        SecurityContextHolder.clearContext();
    }
}
