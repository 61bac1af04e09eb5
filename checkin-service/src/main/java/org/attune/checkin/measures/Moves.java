package org.attune.checkin.measures;

import java.time.Instant;
import java.time.ZoneId;
import org.attune.checkin.measures.MeasureAssignment.Phase;
import org.attune.checkin.measures.MeasureAssignment.Status;
import org.attune.events.MeasureStopReason;
import org.springframework.data.mongodb.core.query.Update;

/** The field changes of each move of a schedule; the events travel beside them in {@link MeasureAssignments#move}. */
final class Moves {

    private Moves() {}

    /** The occurrence {@code index} (or the first later one whose window has not closed yet), waiting to open. */
    static Update waitFor(MeasureAssignment a, int index, ZoneId zone, Instant now) {
        var cadence = a.cadence();
        int next = cadence.firstIndexNotClosed(a.first(), index, a.windowDays(), zone, now);
        var window = Cadence.Window.of(cadence.due(a.first(), next), a.windowDays(), zone);
        return new Update()
                .set("index", next)
                .set("phase", Phase.WAITING)
                .set("dueDate", window.dueDate().toString())
                .set("opensAt", window.opensAt())
                .set("closesAt", window.closesAt())
                .set("nextAt", window.opensAt());
    }

    static Update open(MeasureAssignment a) {
        return new Update().set("phase", Phase.OPEN).set("nextAt", a.closesAt());
    }

    /** The current window ended (answered or not); the next occurrence waits. */
    static Update ended(MeasureAssignment a, boolean answered, ZoneId zone, Instant now) {
        return waitFor(a, a.index() + 1, zone, now)
                .set("lastDueDate", a.dueDate())
                .set("lastAnswered", answered);
    }

    static Update pause() {
        return new Update().set("status", Status.PAUSED).set("phase", Phase.WAITING);
    }

    static Update stop(MeasureStopReason reason) {
        return new Update().set("status", Status.STOPPED).set("stopReason", reason);
    }
}
