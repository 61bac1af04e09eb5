package org.attune.webui.therapist.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import java.util.List;
import java.util.Optional;
import org.attune.webui.progress.ui.UserTime;
import org.attune.webui.therapist.AssignmentItem;

/** What the therapist assigned to this client, and whether each is done. */
class AssignmentsSection extends Div {

    AssignmentsSection() {
        setId("assignments");
    }

    void show(Optional<List<AssignmentItem>> loaded, UserTime time) {
        removeAll();
        if (loaded.isEmpty()) {
            add(new Paragraph(getTranslation("therapist.unavailable")));
            return;
        }
        if (loaded.get().isEmpty()) {
            add(new Paragraph(getTranslation("therapist.assignments.none")));
            return;
        }
        var list = new UnorderedList();
        list.addClassName("attune-therapist-list");
        for (var a : loaded.get()) {
            var item = new ListItem((a.title() == null ? a.slug() : a.title()) + " — "
                    + getTranslation("therapist.assignments.assigned", time.date(a.assignedAt())) + " — "
                    + (a.completed()
                            ? getTranslation("therapist.assignments.done", time.date(a.completedAt()))
                            : getTranslation("therapist.assignments.open")));
            item.setId("assignment-" + a.assignmentId());
            list.add(item);
        }
        add(list);
    }
}
