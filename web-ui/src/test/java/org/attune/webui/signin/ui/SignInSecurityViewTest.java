package org.attune.webui.signin.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.reset;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.QueryParameters;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.attune.events.Role;
import org.attune.webui.library.ui.SignedIn;
import org.attune.webui.signin.SecondFactors;
import org.attune.webui.signin.SignInSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

/** The sign-in settings and the second step without a browser, against stand-in settings. */
@SpringJUnitConfig(SignInSecurityViewTest.Beans.class)
@ViewPackages(classes = SignInSecurityView.class)
class SignInSecurityViewTest extends SpringBrowserlessTest {

    @Configuration(proxyBeanMethods = false)
    static class Beans {

        @Bean
        SignInSettings settings() {
            return mock(SignInSettings.class);
        }

        @Bean
        com.vaadin.flow.spring.security.AuthenticationContext authenticationContext() {
            return new com.vaadin.flow.spring.security.AuthenticationContext();
        }
    }

    @Autowired
    SignInSettings settings;

    static final SignInSettings.Status NOTHING_YET = new SignInSettings.Status(true, false, false, 0, List.of());

    @BeforeEach
    void aClientWithNothingSetUp() {
        reset(settings);
        when(settings.current()).thenReturn(Optional.of(NOTHING_YET));
    }

    @AfterEach
    void signOut() {
        SignedIn.out();
    }

    @Test
    void anAuthenticatorAppIsOptionalForAClientAndSettingItUpShowsKeyLinkAndTenCodesOnce() {
        SignedIn.as(Role.CLIENT);
        var codes = List.of(
                "AAAAA-BBBBB",
                "CCCCC-DDDDD",
                "EEEEE-FFFFF",
                "GGGGG-HHHHH",
                "JJJJJ-KKKKK",
                "MMMMM-NNNNN",
                "PPPPP-QQQQQ",
                "RRRRR-SSSSS",
                "TTTTT-VVVVV",
                "WWWWW-XXXXX");
        when(settings.startAuthenticatorApp())
                .thenReturn(Optional.of(new SecondFactors.TotpSetup(
                        "otpauth://totp/Attune:c%40example.org?secret=ABCD", "ABCD EFGH", codes)));
        var view = navigate(SignInSecurityView.class);

        assertThat(view.app.state.getText()).isEqualTo("No authenticator app yet. It is optional for you.");
        assertThat(view.passkeys.none.isVisible()).isTrue();
        var enrolment = (AuthenticatorAppEnrolment) view.app
                .getChildren()
                .flatMap(c -> c.getChildren())
                .filter(AuthenticatorAppEnrolment.class::isInstance)
                .findFirst()
                .orElseThrow();
        test(enrolment.start).click();

        assertThat(enrolment.manualKey.getText()).isEqualTo("ABCD EFGH");
        assertThat(enrolment.uri.getText()).startsWith("otpauth://totp/Attune:");
        assertThat(enrolment.recoveryCodes.getChildren().count()).isEqualTo(10);
        assertThat(enrolment.start.isVisible()).isFalse();
    }

    @Test
    void withAnAppSetUpTheCodesLeftAreCountedAndNewOnesCanBeMade() {
        SignedIn.as(Role.THERAPIST);
        when(settings.current())
                .thenReturn(Optional.of(new SignInSettings.Status(
                        true,
                        true,
                        true,
                        7,
                        List.of(new SignInSettings.Passkey(
                                "k1", "Laptop", Instant.parse("2025-05-01T10:00:00Z"), null)))));
        when(settings.newRecoveryCodes()).thenReturn(List.of("AAAAA-BBBBB", "CCCCC-DDDDD"));
        var view = navigate(SignInSecurityView.class);

        assertThat(view.app.state.getText()).isEqualTo("An authenticator app is set up. Recovery codes left: 7.");
        assertThat(view.passkeys.list.getElement().getTextRecursively()).contains("Laptop, added");
        test(view.app.newCodes).click();

        assertThat(view.app.codes.getChildren().count()).isEqualTo(2);
        verify(settings).newRecoveryCodes();
    }

    @Test
    void aConfirmedAppIsAnnouncedWarmly() {
        SignedIn.as(Role.CLIENT);

        UI.getCurrent().navigate("sign-in-security", QueryParameters.of("confirmed", ""));
        var view = (SignInSecurityView) getCurrentView();

        assertThat(view.notice.isVisible()).isTrue();
        assertThat(view.notice.getText()).startsWith("Your authenticator app is set up.");
    }

    @Test
    void theSecondStepOffersTheCodeAndThePasskeyAndSaysKindlyWhenACodeDidNotWork() {
        SignedIn.as(Role.THERAPIST);
        when(settings.current())
                .thenReturn(Optional.of(new SignInSettings.Status(
                        false,
                        true,
                        true,
                        10,
                        List.of(new SignInSettings.Passkey("k1", "Phone", Instant.now(), null)))));

        UI.getCurrent().navigate("second-factor", QueryParameters.of("error", ""));
        var view = (SecondFactorView) getCurrentView();

        assertThat(view.notice.getText()).startsWith("That code didn't work.");
        assertThat(view.ways.getChildren().filter(CodeForm.class::isInstance)).hasSize(1);
        assertThat(view.usePasskey.isAttached()).isTrue();
    }

    @Test
    void aTherapistWithNoSecondFactorYetIsAskedToSetOneUpOnTheSecondStep() {
        SignedIn.as(Role.THERAPIST);
        when(settings.current()).thenReturn(Optional.of(new SignInSettings.Status(false, true, false, 0, List.of())));

        var view = navigate(SecondFactorView.class);

        assertThat(view.ways.getElement().getTextRecursively()).contains("Please set one up now");
        assertThat(view.ways.getChildren().filter(AuthenticatorAppEnrolment.class::isInstance))
                .hasSize(1);
        assertThat(view.ways.getChildren().filter(PasskeyAdd.class::isInstance)).hasSize(1);
    }
}
