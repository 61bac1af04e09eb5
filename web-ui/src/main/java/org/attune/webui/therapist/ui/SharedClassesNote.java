package org.attune.webui.therapist.ui;

import com.vaadin.flow.component.html.Paragraph;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.attune.events.DataClass;

/** Which parts the client shares with this therapist, and (when some are not) which are not. */
class SharedClassesNote extends Paragraph {

    private SharedClassesNote() {
        addClassName("attune-therapist-muted");
    }

    static SharedClassesNote shares(Set<DataClass> classes) {
        var note = new SharedClassesNote();
        note.setText(note.getTranslation("therapist.shares", note.labels(classes)));
        return note;
    }

    /** Null when everything is shared. */
    static SharedClassesNote notShared(Set<DataClass> classes) {
        var missing = EnumSet.complementOf(EnumSet.copyOf(classes));
        if (missing.isEmpty()) {
            return null;
        }
        var note = new SharedClassesNote();
        note.setText(note.getTranslation("therapist.not-shared-classes", note.labels(missing)));
        return note;
    }

    private String labels(Set<DataClass> classes) {
        return classes.stream()
                .sorted()
                .map(c -> getTranslation("dataclass." + c.name()))
                .collect(Collectors.joining(", "));
    }
}
