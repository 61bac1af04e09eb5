package org.attune.webui.home.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.attune.webui.checkin.CrisisProperties;
import org.attune.webui.checkin.HelpNowAlerts;
import org.attune.webui.checkin.ui.CrisisLines;
import org.attune.webui.security.Caller;

/**
 * Crisis lines and emergency numbers, reachable without an account, and plain words on what Attune is not. A
 * signed-in client who opens this page ("I need help now") also raises a safety flag: the lines are shown first and
 * at once, the flag is raised in the background, and a line below says whether it went out. Opening the page again
 * within a few minutes raises no second flag ({@link HelpNowAlerts}).
 */
@Route("help")
@AnonymousAllowed
class CrisisResourcesView extends Main implements HasDynamicTitle {

    private final HelpNowAlerts alerts;
    private final Caller client;

    final CrisisLines lines;
    final Paragraph alertStatus = new Paragraph();
    final Button retry;
    private boolean alerting;

    CrisisResourcesView(CrisisProperties crisis, HelpNowAlerts alerts) {
        this.alerts = alerts;
        this.client = Caller.current().filter(Caller::isClient).orElse(null);
        addClassName("attune-page");
        addClassName("attune-crisis");

        lines = new CrisisLines(crisis).withId("crisis-resources");

        alertStatus.setId("help-alert-status");
        alertStatus.addClassName("attune-checkin-alert-status");
        alertStatus.getElement().setAttribute("role", "status");
        alertStatus.getElement().setAttribute("aria-live", "polite");
        alertStatus.setVisible(client != null);
        alertStatus.setText(getTranslation("checkin.help.alert.pending"));

        retry = new Button(getTranslation("checkin.help.alert.retry"), e -> startAlert(UI.getCurrent()));
        retry.setId("help-alert-retry");
        retry.addThemeVariants(ButtonVariant.PRIMARY);
        retry.setVisible(false);

        add(
                new H1(getTranslation("help.title")),
                new Paragraph(getTranslation("help.intro")),
                lines,
                alertStatus,
                retry,
                new Paragraph(getTranslation("help.elsewhere")),
                new Paragraph(
                        client != null
                                ? new com.vaadin.flow.component.html.Anchor(
                                        "today", getTranslation("checkin.help.back-today"))
                                : new RouterLink(getTranslation("help.back"), WelcomeView.class)));

        if (client != null) {
            addAttachListener(e -> {
                if (e.isInitialAttach()) {
                    startAlert(e.getUI());
                }
            });
        }
    }

    /** Raises the flag off the request thread, so the lines above never wait for checkin-service. */
    private void startAlert(UI ui) {
        if (alerting || client == null) {
            return;
        }
        alerting = true;
        retry.setVisible(false);
        alertStatus.setText(getTranslation("checkin.help.alert.pending"));
        // Without server push the answer would wait for the next round trip: poll until it is shown.
        ui.setPollInterval(1000);
        Thread.ofVirtual().name("help-now").start(() -> {
            var result = alerts.raise(client);
            ui.access(() -> show(ui, result));
        });
    }

    private void show(UI ui, HelpNowAlerts.Result result) {
        alerting = false;
        ui.setPollInterval(-1);
        switch (result) {
            case RAISED -> alertStatus.setText(getTranslation("checkin.help.alert.raised"));
            case ALREADY_RAISED -> alertStatus.setText(getTranslation("checkin.help.alert.already"));
            case NOT_RAISED -> {
                alertStatus.setText(getTranslation("checkin.help.alert.failed"));
                retry.setVisible(true);
            }
            case NOT_A_CLIENT -> alertStatus.setVisible(false);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("help.page-title");
    }
}
