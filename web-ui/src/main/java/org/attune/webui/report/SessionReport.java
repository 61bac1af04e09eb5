package org.attune.webui.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.attune.events.DataClass;
import org.attune.webui.progress.Goal;
import org.attune.webui.progress.ProgressData;

/**
 * What a session report holds, read through the services as the person who asked for it, so the services' grant
 * checks decide what is in it. A part is null when its class is not in {@code shared}: it was never read.
 *
 * @param forTherapist true when a therapist asked (then {@code shared} are the classes the client granted)
 * @param changes the change judgement per instrument code as checkin-service states it (empty when it states none)
 */
public record SessionReport(
        String clientName,
        boolean forTherapist,
        LocalDate from,
        LocalDate to,
        Set<DataClass> shared,
        ProgressData progress,
        Map<String, String> changes,
        List<Goal> goals,
        List<Session> sessions,
        List<Flag> flags,
        Instant madeAt) {

    public SessionReport {
        shared = Set.copyOf(shared);
        changes = changes == null ? Map.of() : Map.copyOf(changes);
    }

    public boolean has(DataClass dataClass) {
        return shared.contains(dataClass);
    }

    /** A session connection check; {@code words} only when the client shared them. */
    public record Session(
            LocalDate sessionDate, Instant recordedAt, int total, int maxTotal, boolean rupture, String words) {}

    /** A safety flag and when a therapist acknowledged it (null while open). */
    public record Flag(String reason, Instant raisedAt, Instant acknowledgedAt) {}
}
