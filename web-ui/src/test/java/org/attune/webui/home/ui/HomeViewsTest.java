package org.attune.webui.home.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.RouterLink;
import org.attune.webui.checkin.ClientViewsTestConfig;
import org.attune.webui.checkin.FakeCheckinGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

/**
 * The public pages, rendered server-side without a browser, for someone who is not signed in. The crisis page needs
 * the crisis lines and the help-now alert beans; the services behind them are in memory, no broker or database.
 */
@SpringJUnitConfig(ClientViewsTestConfig.class)
@ViewPackages(classes = WelcomeView.class)
class HomeViewsTest extends SpringBrowserlessTest {

    @Autowired
    FakeCheckinGateway checkins;

    @BeforeEach
    void anonymous() {
        ClientViewsTestConfig.signOut();
        checkins.reset();
    }

    @Test
    void welcomeShowsTheHelpLink() {
        navigate(WelcomeView.class);

        var help = find(RouterLink.class).withText("Need help now?").single();
        assertThat(help.isVisible()).isTrue();
        assertThat(help.getHref()).isEqualTo("help");
    }

    @Test
    void helpLinkOpensTheCrisisResources() {
        navigate(WelcomeView.class);

        test(find(RouterLink.class).withText("Need help now?").single()).click();

        assertThat(getCurrentView()).isInstanceOf(CrisisResourcesView.class);
    }

    @Test
    void crisisResourcesListTheLinesAndSayAttuneIsNotAnEmergencyService() {
        var view = navigate(CrisisResourcesView.class);

        var lines = find(ListItem.class, view.lines).all().stream()
                .map(item -> item.getElement().getTextRecursively())
                .toList();
        assertThat(lines)
                .anySatisfy(line -> assertThat(line).contains("988").contains("Suicide & Crisis Lifeline"))
                .anySatisfy(line -> assertThat(line).contains("116 123").contains("Samaritans"))
                .anySatisfy(line -> assertThat(line).contains("112").contains("911"));
        assertThat(find(Paragraph.class, view.lines)
                        .id("not-an-emergency-service")
                        .getText())
                .contains("Attune is not an emergency service");
    }

    @Test
    void crisisNumbersCanBeDialled() {
        var view = navigate(CrisisResourcesView.class);

        var hrefs = find(Anchor.class, view.lines).all().stream()
                .map(Anchor::getHref)
                .toList();
        assertThat(hrefs).contains("tel:988", "tel:116123", "tel:112", "tel:911");
    }

    @Test
    void someoneNotSignedInGetsTheLinesButNoFlagIsRaised() {
        var view = navigate(CrisisResourcesView.class);

        assertThat(view.lines.getId()).hasValue("crisis-resources");
        assertThat(view.alertStatus.isVisible()).isFalse();
        assertThat(checkins.helpNowCalls).hasValue(0);
    }
}
