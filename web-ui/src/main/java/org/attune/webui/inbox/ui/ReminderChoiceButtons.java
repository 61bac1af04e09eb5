package org.attune.webui.inbox.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import java.util.function.Consumer;
import org.attune.webui.inbox.InboxGateway.Item;
import org.attune.webui.security.Caller;
import org.attune.webui.settings.ReminderChoices;

/**
 * The two one-tap boundaries under a reminder: mute reminders like this one, or pause all reminders for a week. Each
 * says plainly what happened and where to undo it; neither asks for a reason.
 */
class ReminderChoiceButtons extends Div {

    /** Whether an inbox item gets these buttons: reminders only, never safety messages. */
    static boolean offeredFor(Item item) {
        return !item.urgent() && ReminderChoices.KINDS.contains(item.kind());
    }

    ReminderChoiceButtons(Item item, ReminderChoices choices, Caller caller, Consumer<String> said) {
        addClassName("attune-inbox-reminder-choices");
        var kind = getTranslation("settings.kind." + item.kind());
        var mute = new Button(
                getTranslation("inbox.reminder.mute"),
                e -> said.accept(
                        switch (choices.mute(caller, item.kind())) {
                            case DONE -> getTranslation("inbox.reminder.muted", kind);
                            case REFUSED, UNAVAILABLE -> getTranslation("inbox.action-failed");
                        }));
        mute.setId("inbox-mute-" + item.id());
        mute.addThemeVariants(ButtonVariant.TERTIARY);
        mute.getElement().setAttribute("aria-label", getTranslation("inbox.reminder.mute-label", kind));
        var pause = new Button(
                getTranslation("inbox.reminder.pause"),
                e -> said.accept(
                        switch (choices.pauseForAWeek(caller)) {
                            case DONE -> getTranslation("inbox.reminder.paused");
                            case REFUSED, UNAVAILABLE -> getTranslation("inbox.action-failed");
                        }));
        pause.setId("inbox-pause-" + item.id());
        pause.addThemeVariants(ButtonVariant.TERTIARY);
        add(mute, pause);
    }
}
