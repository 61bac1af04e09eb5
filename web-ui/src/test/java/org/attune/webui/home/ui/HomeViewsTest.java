package org.attune.webui.home.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.RouterLink;
import java.util.Locale;
import org.attune.kit.crisis.CrisisLines;
import org.attune.webui.checkin.ClientViewsTestConfig;
import org.attune.webui.checkin.FakeCheckinGateway;
import org.attune.webui.checkin.ui.CrisisLinesPanel;
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

    @Autowired
    CrisisLines crisis;

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
        // The test browser's locale is en-US: its lines first, then what helps anywhere, then the lines for home.
        assertThat(lines.getFirst()).contains("988").contains("Suicide & Crisis Lifeline");
        assertThat(lines)
                .anySatisfy(line -> assertThat(line).contains("911"))
                .anySatisfy(line -> assertThat(line).contains("your local emergency number"))
                .anySatisfy(line -> assertThat(line).contains("National Domestic Violence Hotline"));
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
        assertThat(hrefs).contains("tel:988", "tel:911", "tel:18007997233");
    }

    @Test
    void whenTheBrowserNamesNoCountryEveryRegionsLinesAreShownByName() {
        navigate(CrisisResourcesView.class);

        var panel = new CrisisLinesPanel(crisis, Locale.ENGLISH);

        var text = panel.getElement().getTextRecursively();
        assertThat(text)
                .startsWith("Emergency services: your local emergency number")
                .contains("988 Suicide & Crisis Lifeline (call or text) (the United States): 988")
                .contains("Samaritans (free to call) (the United Kingdom): 116 123")
                .contains("Emergency services (the European Union): 112")
                .contains("National Domestic Abuse Helpline (free to call) (the United Kingdom): 0808 2000 247")
                .contains("Attune is not an emergency service");
    }

    @Test
    void aBritishBrowserGetsSamaritansFirstAndTheUkDomesticAbuseLine() {
        navigate(CrisisResourcesView.class);

        var text = new CrisisLinesPanel(crisis, Locale.UK).getElement().getTextRecursively();

        assertThat(text)
                .startsWith("Samaritans (free to call): 116 123")
                .contains("999 / 112")
                .contains("0808 2000 247")
                .doesNotContain("988");
    }

    @Test
    void someoneNotSignedInGetsTheLinesButNoFlagIsRaised() {
        var view = navigate(CrisisResourcesView.class);

        assertThat(view.lines.getId()).hasValue("crisis-resources");
        assertThat(view.tell).isNull();
        assertThat(view.plan.isVisible()).isFalse();
        assertThat(checkins.helpNowCalls).hasValue(0);
    }
}
