package org.attune.webui.therapist.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import java.time.Instant;
import java.time.format.TextStyle;
import org.attune.webui.progress.ui.UserTime;
import org.attune.webui.therapist.ClientSchedule;

/** The rhythm as the client or therapist set it (in its own zone) and the next session in the therapist's. */
class ScheduleSection extends Div {

    ScheduleSection() {
        setId("dashboard-schedule");
    }

    void show(ClientSchedule loaded, UserTime time, Instant now) {
        removeAll();
        var state = loaded == null ? ClientSchedule.State.UNAVAILABLE : loaded.state();
        switch (state) {
            case UNAVAILABLE -> add(new Paragraph(getTranslation("therapist.schedule.note")));
            case NONE -> add(new Paragraph(getTranslation("therapist.schedule.none")));
            case SET -> showSet(loaded, time, now);
        }
    }

    private void showSet(ClientSchedule loaded, UserTime time, Instant now) {
        add(new Paragraph(
                loaded.weekly()
                        ? getTranslation(
                                "therapist.schedule.weekly",
                                loaded.weeklyDay().getDisplayName(TextStyle.FULL, time.locale()),
                                loaded.weeklyTime(),
                                loaded.timeZone(),
                                loaded.durationMinutes())
                        : getTranslation("therapist.schedule.no-weekly", loaded.durationMinutes())));
        var upcoming = loaded.oneOffStarts().stream()
                .filter(start -> start.isAfter(now))
                .sorted()
                .limit(5)
                .map(time::dateTime)
                .toList();
        if (!upcoming.isEmpty()) {
            add(new Paragraph(getTranslation("therapist.schedule.one-offs", String.join(", ", upcoming))));
        }
        var next = new Paragraph(
                loaded.nextSessionAt() == null
                        ? getTranslation("therapist.schedule.next.none")
                        : getTranslation(
                                "therapist.schedule.next",
                                time.dateTime(loaded.nextSessionAt()),
                                time.zone().getId()));
        next.setId("dashboard-next-session");
        add(next);
    }
}
