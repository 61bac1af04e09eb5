package org.attune.webui.therapist.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import java.util.List;
import org.attune.webui.library.ReflectionAnswers.SharedAnswer;
import org.attune.webui.library.Reply;
import org.attune.webui.progress.ui.UserTime;

/**
 * The reflection answers a client chose to share, read-only: the piece, the client's own words, and when they were
 * written. Shown only under a NOTES grant; the words are never edited or summarised here.
 */
class SharedReflectionsSection extends Div {

    SharedReflectionsSection() {
        setId("shared-reflections");
    }

    void show(Reply<List<SharedAnswer>> loaded, UserTime time) {
        removeAll();
        add(new Paragraph(getTranslation("therapist.reflections.about")));
        if (loaded == null || !loaded.isOk() || loaded.value() == null) {
            add(new Paragraph(getTranslation("therapist.unavailable")));
            return;
        }
        if (loaded.value().isEmpty()) {
            var none = new Paragraph(getTranslation("therapist.reflections.none"));
            none.setId("shared-reflections-none");
            add(none);
            return;
        }
        var list = new UnorderedList();
        list.addClassName("attune-therapist-list");
        for (var answer : loaded.value()) {
            var item = new ListItem();
            item.setId("shared-reflection-" + answer.slug());
            item.add(new H3(answer.title().isBlank() ? answer.slug() : answer.title()));
            var words = new Paragraph(answer.text());
            words.addClassName("attune-therapist-quote");
            // The client's line breaks are part of what they wrote.
            words.getStyle().set("white-space", "pre-line");
            item.add(words);
            if (answer.updatedAt() != null) {
                var when = new Paragraph(
                        getTranslation("therapist.reflections.written", time.dateTime(answer.updatedAt())));
                when.addClassName("attune-therapist-muted");
                item.add(when);
            }
            list.add(item);
        }
        add(list);
    }
}
