package org.attune.webui.measures;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.attune.webui.security.Caller;

/** checkin-service's scheduled measures in memory: what a test puts in, and every change and request it got. */
public class FakeMeasuresGateway implements MeasuresGateway {

    public final Map<UUID, List<DueMeasure>> mine = new ConcurrentHashMap<>();
    public final Map<UUID, List<ScheduledMeasure>> scheduled = new ConcurrentHashMap<>();
    public final List<String> changes = new CopyOnWriteArrayList<>();
    public final List<MeasureRequest> requests = new CopyOnWriteArrayList<>();
    /** What the next {@link #assign} answers; a scheduled measure by default. */
    public volatile AssignResult nextAssign;

    public volatile boolean answering = true;

    public void reset() {
        mine.clear();
        scheduled.clear();
        changes.clear();
        requests.clear();
        nextAssign = null;
        answering = true;
    }

    @Override
    public Optional<List<DueMeasure>> mine(Caller client) {
        return answering ? Optional.of(mine.getOrDefault(client.id(), List.of())) : Optional.empty();
    }

    @Override
    public boolean change(Caller client, String measureId, Change change) {
        if (!answering) {
            return false;
        }
        changes.add(change + " " + measureId);
        var list = new ArrayList<DueMeasure>();
        for (var m : mine.getOrDefault(client.id(), List.of())) {
            if (!m.id().equals(measureId)) {
                list.add(m);
            } else if (change == Change.PAUSE) {
                list.add(new DueMeasure(m.id(), m.code(), m.title(), DueMeasure.State.PAUSED, null, null, null));
            } else if (change == Change.RESUME) {
                list.add(new DueMeasure(
                        m.id(), m.code(), m.title(), DueMeasure.State.UPCOMING, null, null, m.nextDue()));
            }
        }
        mine.put(client.id(), list);
        return true;
    }

    @Override
    public Optional<List<Questionnaire>> questionnaires(Caller caller) {
        return Optional.of(List.of(
                new Questionnaire("PHQ-9", "Patient Health Questionnaire (PHQ-9)"),
                new Questionnaire("GAD-7", "Generalised Anxiety Disorder (GAD-7)")));
    }

    @Override
    public Optional<List<ScheduledMeasure>> scheduledFor(Caller therapist, UUID clientId) {
        return answering ? Optional.of(scheduled.getOrDefault(clientId, List.of())) : Optional.empty();
    }

    @Override
    public AssignResult assign(Caller therapist, UUID clientId, MeasureRequest request) {
        requests.add(request);
        if (nextAssign != null) {
            return nextAssign;
        }
        var measure = new ScheduledMeasure(
                UUID.randomUUID().toString(),
                request.code(),
                request.code(),
                request.every(),
                request.unit(),
                request.windowDays() == null ? 3 : request.windowDays(),
                request.firstDue(),
                "SCHEDULED",
                request.firstDue(),
                null,
                null);
        var list = new ArrayList<>(scheduled.getOrDefault(clientId, List.of()));
        list.add(measure);
        scheduled.put(clientId, list);
        return new AssignResult.Scheduled(measure);
    }
}
