package org.attune.webui.safety.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.attune.webui.progress.ui.UserTime;
import org.attune.webui.safety.SafetyGateway;
import org.attune.webui.safety.SafetyGateway.Saved;
import org.attune.webui.safety.SafetyPlan;
import org.attune.webui.security.Caller;

/**
 * The client's safety plan, to write and change: the seven parts in their order, the therapist's open suggestions
 * above them to take or leave, and a save that keeps every earlier version. A plan that could not be loaded cannot be
 * saved over, so nothing written before is replaced unseen.
 */
@Route("safety-plan")
@RolesAllowed("CLIENT")
class SafetyPlanView extends Main implements HasDynamicTitle {

    private final SafetyGateway gateway;
    private final Caller client;

    final Div suggestions = new Div();
    final SafetyPlanEditor editor = new SafetyPlanEditor();
    final Paragraph version = new Paragraph();
    final Paragraph status = new Paragraph();
    final Button save;
    int basedOn = -1;

    SafetyPlanView(SafetyGateway gateway) {
        this.gateway = gateway;
        this.client = Caller.current().orElseThrow();
        addClassNames("attune-page", "attune-safety-plan-page");
        suggestions.setId("plan-suggestions");
        version.setId("plan-version");
        version.addClassName("attune-therapist-muted");
        status.setId("plan-status");
        status.getElement().setAttribute("role", "status");
        status.getElement().setAttribute("aria-live", "polite");
        save = new Button(getTranslation("safety-plan.save"), e -> save());
        save.setId("plan-save");
        save.addThemeVariants(ButtonVariant.PRIMARY);
        var help = new Anchor("help", getTranslation("safety-plan.help-link"));
        help.setId("plan-help-link");
        add(
                new H1(getTranslation("safety-plan.title")),
                new Paragraph(getTranslation("safety-plan.intro")),
                new Paragraph(help),
                suggestions,
                version,
                editor,
                status,
                save);
        load();
    }

    void load() {
        var loaded = gateway.plan(client);
        if (loaded.isEmpty()) {
            basedOn = -1;
            save.setEnabled(false);
            version.setText("");
            say("safety-plan.load-failed");
            suggestions.removeAll();
            return;
        }
        show(loaded.get());
    }

    private void show(SafetyPlan plan) {
        editor.fill(plan);
        showSaved(plan);
    }

    /** The saved plan's version and suggestions; the text areas keep what the client is typing. */
    private void showSaved(SafetyPlan plan) {
        basedOn = plan.version();
        save.setEnabled(true);
        version.setText(
                plan.version() == 0
                        ? getTranslation("safety-plan.not-written")
                        : getTranslation("safety-plan.version", plan.version(), when(plan)));
        suggestions.removeAll();
        if (!plan.suggestions().isEmpty()) {
            suggestions.add(new H2(getTranslation("safety-plan.suggestions.title")));
            plan.suggestions().forEach(s -> suggestions.add(new SuggestionCard(s, this::answer)));
        }
    }

    void save() {
        if (basedOn < 0) {
            return;
        }
        switch (gateway.save(client, editor.sections(), basedOn)) {
            case Saved.Done done -> {
                show(done.plan());
                say("safety-plan.saved", done.plan().version());
            }
            case Saved.Invalid invalid -> {
                editor.mark(invalid.problems());
                say("safety-plan.invalid");
            }
            case Saved.Conflict conflict -> {
                load();
                say("safety-plan.conflict");
            }
            case Saved.Unavailable unavailable -> say("safety-plan.unavailable");
        }
    }

    void answer(SafetyPlan.Suggestion suggestion, boolean accept) {
        // An accepted suggestion changes only its own part on screen; whatever else the client is typing stays.
        switch (gateway.answer(client, suggestion.id(), accept)) {
            case Saved.Done done -> {
                showSaved(done.plan());
                if (accept && suggestion.section() != null) {
                    editor.fill(suggestion.section(), done.plan().entries(suggestion.section()));
                }
                if (accept) {
                    say("safety-plan.suggestion.accepted", done.plan().version());
                } else {
                    say("safety-plan.suggestion.declined");
                }
            }
            case Saved.Conflict conflict -> {
                load();
                say("safety-plan.suggestion.answered");
            }
            case Saved.Invalid invalid -> say("safety-plan.suggestion.not-sent");
            case Saved.Unavailable unavailable -> say("safety-plan.suggestion.not-sent");
        }
    }

    private String when(SafetyPlan plan) {
        return plan.savedAt() == null ? "" : UserTime.of(this).dateTime(plan.savedAt());
    }

    private void say(String key, Object... args) {
        status.setText(getTranslation(key, args));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("safety-plan.page-title");
    }
}
