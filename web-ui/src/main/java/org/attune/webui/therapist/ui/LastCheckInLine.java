package org.attune.webui.therapist.ui;

import com.vaadin.flow.component.html.Span;
import java.util.Optional;
import java.util.Set;
import org.attune.events.DataClass;
import org.attune.webui.progress.ui.UserTime;
import org.attune.webui.therapist.ClientSummary;

/** "Last check-in: …", or why it cannot be said (not shared, not readable now, none yet). */
class LastCheckInLine extends Span {

    LastCheckInLine() {
        setId("last-checkin");
    }

    void show(Set<DataClass> classes, Optional<ClientSummary> summary, UserTime time) {
        if (!classes.contains(DataClass.MOOD_CHECKINS)) {
            setText(getTranslation("therapist.last-checkin.not-shared"));
        } else if (summary.isEmpty()) {
            setText(getTranslation("therapist.last-checkin.unknown"));
        } else {
            var at = summary.get().lastCheckInAt();
            setText(
                    at == null
                            ? getTranslation("therapist.last-checkin.none")
                            : getTranslation("therapist.last-checkin", time.dateTime(at)));
        }
    }
}
