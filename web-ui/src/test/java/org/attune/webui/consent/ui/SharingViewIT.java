package org.attune.webui.consent.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.textfield.PasswordField;
import org.attune.events.DataClass;
import org.attune.events.Role;
import org.attune.testsupport.AttuneIntegrationTest;
import org.attune.webui.TestHttp;
import org.attune.webui.account.Accounts;
import org.attune.webui.consent.GrantStatus;
import org.attune.webui.consent.Grants;
import org.attune.webui.security.Caller;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/** Sharing and revoking through the views, without a browser, against the real store and broker. */
@AttuneIntegrationTest(properties = {"attune.data-dir=target/it-data"})
@ViewPackages(packages = {"org.attune.webui.consent.ui", "org.attune.webui.datarights.ui"})
class SharingViewIT extends SpringBrowserlessTest {

    @Autowired
    Accounts accounts;

    @Autowired
    Grants grants;

    @Autowired
    UserDetailsService users;

    String clientEmail;
    String therapistEmail;

    @BeforeEach
    void people() {
        clientEmail = TestHttp.email("rae");
        accounts.register(clientEmail, TestHttp.STRONG_PASSWORD, "Rae", Role.CLIENT);
        therapistEmail = TestHttp.email("sol");
        accounts.register(therapistEmail, TestHttp.STRONG_PASSWORD, "Dr. Sol", Role.THERAPIST);
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private Caller signIn(String email) {
        var principal = users.loadUserByUsername(email);
        var authentication =
                UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities());
        SecurityContextHolder.getContext().setAuthentication(authentication);
        return Caller.of(authentication).orElseThrow();
    }

    @Test
    void aClientSharesWithATherapistByEmailAndStopsWithOneClick() {
        var client = signIn(clientEmail);
        var view = navigate(SharingView.class);
        assertThat(view.current.getElement().getTextRecursively()).contains("not sharing anything");

        test(view.therapistEmail).setValue(therapistEmail);
        test(view.dataClasses).selectItem("Mood check-ins");
        test(view.dataClasses).selectItem("Safety alerts");
        test(view.share).click();

        var grant = grants.list(client).getFirst();
        assertThat(grant.status()).isEqualTo(GrantStatus.ACTIVE);
        assertThat(grant.dataClasses()).containsExactlyInAnyOrder(DataClass.MOOD_CHECKINS, DataClass.SAFETY_ALERTS);
        assertThat(view.current.getElement().getTextRecursively())
                .contains("Dr. Sol")
                .contains("Mood check-ins");

        test($(Button.class, view.current).withText("Stop sharing").single()).click();

        assertThat(grants.list(client).getFirst().status()).isEqualTo(GrantStatus.INACTIVE);
        assertThat(view.current.getElement().getTextRecursively()).contains("not sharing anything");
        assertThat(view.past.getElement().getTextRecursively()).contains("Dr. Sol");
    }

    @Test
    void deletingTheAccountWithAWrongPasswordDeletesNothingAndSaysSo() {
        signIn(clientEmail);
        UI.getCurrent().navigate("my-data");

        assertThat($(Anchor.class).withText("Download my data").single().getHref())
                .isNotBlank();
        test($(PasswordField.class).single()).setValue("not my password");
        test($(Button.class).withText("Delete my account").single()).click();

        var password = $(PasswordField.class).single();
        assertThat(password.isInvalid()).isTrue();
        assertThat(password.getErrorMessage()).contains("Nothing was deleted");
        assertThat(accounts.byEmail(clientEmail)).isPresent();
    }

    @Test
    void sharingNothingIsExplainedAndStoresNothing() {
        var client = signIn(clientEmail);
        var view = navigate(SharingView.class);

        test(view.therapistEmail).setValue(therapistEmail);
        test(view.share).click();

        assertThat(view.dataClasses.isInvalid()).isTrue();
        assertThat(grants.list(client)).isEmpty();
    }

    @Test
    void theAccessLogSaysHonestlyWhenServicesDoNotAnswer() {
        signIn(clientEmail);
        var view = navigate(SharingView.class);

        var text = view.accessLog.getElement().getTextRecursively();
        assertThat(text).contains("No one has looked").contains("did not answer");
    }
}
