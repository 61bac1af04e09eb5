package org.attune.webui.safety.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import java.util.function.BiConsumer;
import org.attune.webui.safety.SafetyPlan;

/** A therapist's suggestion for one part of the plan, with the client's two answers. */
class SuggestionCard extends Div {

    final Button accept;
    final Button decline;

    SuggestionCard(SafetyPlan.Suggestion suggestion, BiConsumer<SafetyPlan.Suggestion, Boolean> answer) {
        addClassName("attune-safety-plan-suggestion");
        setId("suggestion-" + suggestion.id());
        var part = suggestion.section() == null
                ? ""
                : getTranslation(suggestion.section().titleKey());
        add(new Paragraph(getTranslation("safety-plan.suggestion.for", part)));
        var entries = new UnorderedList();
        suggestion.entries().forEach(entry -> entries.add(new ListItem(entry)));
        add(entries);
        if (suggestion.note() != null) {
            var note = new Paragraph(suggestion.note());
            note.addClassName("attune-therapist-quote");
            add(note);
        }
        accept = new Button(getTranslation("safety-plan.suggestion.accept"), e -> answer.accept(suggestion, true));
        accept.setId("suggestion-accept-" + suggestion.id());
        accept.addThemeVariants(ButtonVariant.PRIMARY);
        decline = new Button(getTranslation("safety-plan.suggestion.decline"), e -> answer.accept(suggestion, false));
        decline.setId("suggestion-decline-" + suggestion.id());
        var buttons = new Div(accept, decline);
        buttons.addClassName("attune-checkin-buttons");
        add(buttons);
    }
}
