package org.attune.webui.settings.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import java.time.Instant;
import java.util.function.Function;
import org.attune.webui.security.Caller;
import org.attune.webui.settings.ReminderChoices;

/**
 * Shown while reminders are paused (one tap from a reminder pauses them for a week): until when, that they start again
 * by themselves, and a way to restart them sooner. Hidden otherwise.
 */
class PauseNotice extends Div {

    final Paragraph text = new Paragraph();
    final Button resume = new Button();

    private final ReminderChoices choices;
    private final Caller caller;
    private final Function<Instant, String> format;

    PauseNotice(ReminderChoices choices, Caller caller, Function<Instant, String> format) {
        this.choices = choices;
        this.caller = caller;
        this.format = format;
        setId("settings-paused");
        addClassName("attune-notice");
        text.getElement().setAttribute("aria-live", "polite");
        resume.setId("settings-resume");
        resume.setText(getTranslation("settings.paused.resume"));
        resume.addClickListener(e -> resume());
        add(text, resume);
        setVisible(false);
    }

    void load() {
        var until = choices.pausedUntil(caller);
        setVisible(until.isPresent());
        resume.setVisible(true);
        until.ifPresent(at -> text.setText(getTranslation("settings.paused", format.apply(at))));
    }

    private void resume() {
        if (choices.resume(caller) == ReminderChoices.Result.DONE) {
            text.setText(getTranslation("settings.paused.resumed"));
            resume.setVisible(false);
        } else {
            text.setText(getTranslation("settings.save-failed"));
        }
    }
}
