package org.attune.webui.progress;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.attune.webui.security.Caller;

/** checkin-service's goals in memory, keeping the service's rules (three active, one rating per week replaced). */
public class FakeGoals implements GoalsGateway {

    public final List<Goal> goals = new ArrayList<>();
    public boolean answering = true;
    public LocalDate week = LocalDate.of(2026, 11, 23);
    public int changes;

    @Override
    public Optional<List<Goal>> own(Caller client) {
        return answering ? Optional.of(List.copyOf(goals)) : Optional.empty();
    }

    @Override
    public Optional<List<Goal>> ofClient(Caller therapist, UUID clientId) {
        return own(therapist);
    }

    @Override
    public Change create(Caller client, String text) {
        if (goals.stream().filter(Goal::active).count() >= 3) {
            return new Change.Refused();
        }
        goals.add(new Goal(UUID.randomUUID().toString(), text, true, null, null, List.of()));
        return done();
    }

    @Override
    public Change edit(Caller client, String goalId, String text) {
        return replace(goalId, g -> new Goal(g.id(), text, g.active(), g.createdAt(), g.archivedAt(), g.ratings()));
    }

    @Override
    public Change archive(Caller client, String goalId) {
        return replace(goalId, g -> new Goal(g.id(), g.text(), false, g.createdAt(), null, g.ratings()));
    }

    @Override
    public Change restore(Caller client, String goalId) {
        return replace(goalId, g -> new Goal(g.id(), g.text(), true, g.createdAt(), null, g.ratings()));
    }

    @Override
    public Change delete(Caller client, String goalId) {
        return goals.removeIf(g -> g.id().equals(goalId)) ? done() : new Change.Refused();
    }

    @Override
    public Change rate(Caller client, String goalId, int rating) {
        return replace(goalId, g -> {
            var ratings = new ArrayList<>(g.ratings());
            ratings.removeIf(r -> r.week().equals(week));
            ratings.add(new Goal.Rating(week, rating));
            return new Goal(g.id(), g.text(), g.active(), g.createdAt(), g.archivedAt(), ratings);
        });
    }

    private Change replace(String goalId, java.util.function.UnaryOperator<Goal> how) {
        for (int i = 0; i < goals.size(); i++) {
            if (goals.get(i).id().equals(goalId)) {
                goals.set(i, how.apply(goals.get(i)));
                return done();
            }
        }
        return new Change.Refused();
    }

    private Change done() {
        changes++;
        return new Change.Done();
    }
}
