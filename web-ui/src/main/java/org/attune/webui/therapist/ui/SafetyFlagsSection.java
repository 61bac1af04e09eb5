package org.attune.webui.therapist.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.attune.webui.progress.ui.UserTime;
import org.attune.webui.therapist.SafetyFlagItem;

/** Every safety flag of the client, open ones with a button to acknowledge; none is ever dropped or merged. */
class SafetyFlagsSection extends Div {

    private final Consumer<SafetyFlagItem> acknowledge;

    SafetyFlagsSection(Consumer<SafetyFlagItem> acknowledge) {
        this.acknowledge = acknowledge;
        setId("safety-flags");
    }

    void show(Optional<List<SafetyFlagItem>> loaded, UserTime time) {
        removeAll();
        if (loaded.isEmpty()) {
            add(new Paragraph(getTranslation("therapist.unavailable")));
            return;
        }
        if (loaded.get().isEmpty()) {
            add(new Paragraph(getTranslation("therapist.flags.none")));
            return;
        }
        var list = new UnorderedList();
        list.addClassName("attune-therapist-list");
        for (var flag : loaded.get()) {
            var item = new ListItem();
            item.setId("safety-flag-" + flag.id());
            item.addClassName(flag.isOpen() ? "attune-therapist-flag-open" : "attune-therapist-flag-seen");
            item.add(new Span(getTranslation(
                    "therapist.flags.item",
                    DashboardTexts.reason(this, "therapist.flags.reason.", flag.reason()),
                    time.dateTime(flag.raisedAt()))));
            if (flag.isOpen()) {
                var ack = new Button(getTranslation("therapist.flags.ack"), e -> acknowledge.accept(flag));
                ack.setId("ack-" + flag.id());
                ack.addThemeVariants(ButtonVariant.PRIMARY);
                ack.getElement()
                        .setAttribute(
                                "aria-label",
                                getTranslation("therapist.flags.ack.label", time.dateTime(flag.raisedAt())));
                item.add(ack);
            } else {
                item.add(new Span(" " + getTranslation("therapist.flags.seen", time.dateTime(flag.acknowledgedAt()))));
            }
            list.add(item);
        }
        add(list);
    }
}
