package org.attune.webui.home.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.router.RouterLink;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Configuration;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

/**
 * The public pages, rendered server-side without a browser. The views need no beans, so the Spring context is an
 * empty one: no broker or database is involved.
 */
@SpringJUnitConfig(HomeViewsTest.NoBeans.class)
@ViewPackages(classes = WelcomeView.class)
class HomeViewsTest extends SpringBrowserlessTest {

    @Configuration(proxyBeanMethods = false)
    static class NoBeans {}

    @Test
    void welcomeShowsTheHelpLink() {
        navigate(WelcomeView.class);

        var help = $(RouterLink.class).withText("Need help now?").single();
        assertThat(help.isVisible()).isTrue();
        assertThat(help.getHref()).isEqualTo("help");
    }

    @Test
    void helpLinkOpensTheCrisisResources() {
        navigate(WelcomeView.class);

        test($(RouterLink.class).withText("Need help now?").single()).click();

        assertThat(getCurrentView()).isInstanceOf(CrisisResourcesView.class);
    }

    @Test
    void crisisResourcesListTheLinesAndSayAttuneIsNotAnEmergencyService() {
        var view = navigate(CrisisResourcesView.class);

        var lines = $(ListItem.class, view.resources).all().stream()
                .map(item -> item.getElement().getTextRecursively())
                .toList();
        assertThat(lines)
                .anySatisfy(line -> assertThat(line).contains("988").contains("Suicide & Crisis Lifeline"))
                .anySatisfy(line -> assertThat(line).contains("116 123").contains("Samaritans"))
                .anySatisfy(line -> assertThat(line).contains("112").contains("911"));
        assertThat(test(view.notAnEmergencyService).getText()).contains("Attune is not an emergency service");
    }

    @Test
    void crisisNumbersCanBeDialled() {
        var view = navigate(CrisisResourcesView.class);

        var hrefs = $(Anchor.class, view.resources).all().stream()
                .map(Anchor::getHref)
                .toList();
        assertThat(hrefs).contains("tel:988", "tel:116123", "tel:112", "tel:911");
    }
}
