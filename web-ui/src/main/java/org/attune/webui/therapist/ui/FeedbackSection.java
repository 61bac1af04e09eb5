package org.attune.webui.therapist.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import java.util.List;
import java.util.Optional;
import org.attune.webui.progress.ui.UserTime;
import org.attune.webui.therapist.FeedbackEntry;

/** The shared session checks that suggest a rupture, each with a gentle repair prompt. */
class FeedbackSection extends Div {

    FeedbackSection() {
        setId("session-feedback");
    }

    void show(Optional<List<FeedbackEntry>> loaded, UserTime time) {
        removeAll();
        add(new Paragraph(getTranslation("therapist.feedback.about")));
        if (loaded.isEmpty()) {
            add(new Paragraph(getTranslation("therapist.unavailable")));
            return;
        }
        var ruptures =
                loaded.get().stream().filter(FeedbackEntry::ruptureSignal).toList();
        if (ruptures.isEmpty()) {
            add(new Paragraph(getTranslation("therapist.feedback.none")));
            return;
        }
        var list = new UnorderedList();
        list.addClassName("attune-therapist-list");
        for (var entry : ruptures) {
            var item = new ListItem();
            item.setId("rupture-" + entry.id());
            var when = entry.sessionDate() != null ? time.date(entry.sessionDate()) : time.date(entry.recordedAt());
            item.add(new Paragraph(getTranslation(
                    "therapist.feedback.item",
                    when,
                    entry.total(),
                    DashboardTexts.reason(this, "progress.rupture-reason.", entry.reason()))));
            item.add(new Paragraph(getTranslation(
                    "therapist.feedback.items", entry.heard(), entry.goals(), entry.approach(), entry.overall())));
            if (entry.comment() != null && !entry.comment().isBlank()) {
                var comment = new Paragraph(entry.comment());
                comment.addClassName("attune-therapist-quote");
                item.add(comment);
            }
            var prompt = new Paragraph(getTranslation("therapist.feedback.repair"));
            prompt.addClassName("attune-therapist-muted");
            item.add(prompt);
            list.add(item);
        }
        add(list);
    }
}
