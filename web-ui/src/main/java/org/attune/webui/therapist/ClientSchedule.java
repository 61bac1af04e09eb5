package org.attune.webui.therapist;

import java.time.DayOfWeek;
import java.time.Instant;
import java.util.List;

/**
 * A client's session rhythm as notification-service reads it back to a linked therapist. {@code SET} carries the
 * rhythm (weekly day and local time in {@code timeZone}, both or neither; one-off starts) and the next session (null
 * when none is coming); {@code NONE} means none was set yet (404); {@code UNAVAILABLE} means the service refused (403)
 * or did not answer, so nothing can be said.
 */
public record ClientSchedule(
        State state,
        String timeZone,
        DayOfWeek weeklyDay,
        String weeklyTime,
        int durationMinutes,
        List<Instant> oneOffStarts,
        Instant nextSessionAt) {

    public enum State {
        SET,
        NONE,
        UNAVAILABLE
    }

    public ClientSchedule {
        oneOffStarts = oneOffStarts == null ? List.of() : List.copyOf(oneOffStarts);
    }

    public static ClientSchedule none() {
        return new ClientSchedule(State.NONE, null, null, null, 0, List.of(), null);
    }

    public static ClientSchedule unavailable() {
        return new ClientSchedule(State.UNAVAILABLE, null, null, null, 0, List.of(), null);
    }

    public boolean weekly() {
        return weeklyDay != null && weeklyTime != null;
    }
}
