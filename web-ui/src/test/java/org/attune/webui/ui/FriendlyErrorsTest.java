package org.attune.webui.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.server.ErrorEvent;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Configuration;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

/** The UI's one error handler and its error pages, rendered without a browser. */
@SpringJUnitConfig(FriendlyErrorsTest.NoBeans.class)
@ViewPackages(classes = NotFoundView.class)
class FriendlyErrorsTest extends SpringBrowserlessTest {

    @Configuration(proxyBeanMethods = false)
    static class NoBeans {}

    @Test
    void aFailureInsideAPageShowsACalmMessageWithAReferenceAndNoDetails() {
        new FriendlyErrors().handle(new ErrorEvent(new IllegalStateException("note=private words")));
        roundTrip();

        var text = test($(Notification.class).single()).getText();
        assertThat(text).contains("Something went wrong on our side").contains("Reference");
        assertThat(text).doesNotContain("private words").doesNotContain("IllegalStateException");
    }

    @Test
    void anAddressThatLeadsNowhereSaysSoPlainly() {
        UI.getCurrent().navigate("no-such-page");

        assertThat(getCurrentView()).isInstanceOf(NotFoundView.class);
        assertThat(textOf((com.vaadin.flow.component.Component) getCurrentView()))
                .contains("This address does not lead to a page");
    }

    private static String textOf(com.vaadin.flow.component.Component component) {
        var text = new StringBuilder(component.getElement().getText());
        component.getChildren().forEach(child -> text.append(' ').append(textOf(child)));
        return text.toString();
    }
}
