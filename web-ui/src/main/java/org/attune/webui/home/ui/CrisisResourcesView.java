package org.attune.webui.home.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.Optional;
import org.attune.kit.crisis.CrisisLines;
import org.attune.webui.checkin.ui.CrisisLinesPanel;
import org.attune.webui.safety.AlertsSeen;
import org.attune.webui.safety.HelpPresenter;
import org.attune.webui.safety.ui.HelpPlanSection;
import org.attune.webui.safety.ui.TellTherapistSection;
import org.attune.webui.security.Caller;

/**
 * Crisis lines & help, reachable from every page and without an account. Opening it raises nothing: the lines come
 * first and at once; for a signed-in client the safety plan follows, then "Let my therapist know", an explained
 * action that raises a safety flag each time it is pressed. The plan and who would be told are read off the request
 * thread, so the lines never wait for a service.
 */
@Route("help")
@AnonymousAllowed
class CrisisResourcesView extends Main implements HasDynamicTitle {

    final CrisisLinesPanel lines;
    final HelpPlanSection plan = new HelpPlanSection();
    final TellTherapistSection tell;
    private final HelpPresenter presenter;
    private final Caller client;

    CrisisResourcesView(CrisisLines crisis, HelpPresenter presenter) {
        this.presenter = presenter;
        this.client = Caller.current().filter(Caller::isClient).orElse(null);
        addClassNames("attune-page", "attune-crisis");
        lines = new CrisisLinesPanel(crisis).withId("crisis-resources");
        tell = client == null ? null : new TellTherapistSection(presenter, client);
        add(new H1(getTranslation("help.title")), new Paragraph(getTranslation("help.intro")), lines);
        if (client != null) {
            add(plan, tell);
            addAttachListener(e -> {
                if (e.isInitialAttach()) {
                    load(e.getUI());
                }
            });
        }
        add(new Paragraph(
                client != null
                        ? new Anchor("today", getTranslation("help.back-today"))
                        : new RouterLink(getTranslation("help.back"), WelcomeView.class)));
    }

    private void load(UI ui) {
        // Without server push the answer would wait for the next round trip: poll until it is shown.
        ui.setPollInterval(1000);
        Thread.ofVirtual().name("help-page").start(() -> {
            HelpPresenter.HelpPage page;
            try {
                page = presenter.load(client);
            } catch (RuntimeException e) {
                page = new HelpPresenter.HelpPage(Optional.empty(), -1, new AlertsSeen(0, 0));
            }
            var loaded = page;
            ui.access(() -> {
                ui.setPollInterval(-1);
                plan.show(loaded.plan());
                tell.show(loaded.recipients(), loaded.seen());
            });
        });
    }

    @Override
    public String getPageTitle() {
        return getTranslation("help.page-title");
    }
}
