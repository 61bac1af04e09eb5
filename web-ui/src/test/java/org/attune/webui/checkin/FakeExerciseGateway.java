package org.attune.webui.checkin;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.attune.events.WindowOfTolerance;
import org.attune.webui.security.Caller;

/** An in-memory library for browserless view tests. */
public class FakeExerciseGateway implements ExerciseGateway {

    public static final Exercise BREATHING = new Exercise(
            "paced-breathing",
            "Paced breathing",
            "Two minutes of breathing with a slightly longer out-breath.",
            2,
            List.of(
                    new Exercise.Step("Breathe in for four", "Gently, through your nose.", 4),
                    new Exercise.Step("Breathe out for six", "Slowly, as if fogging a window.", 6)));

    public static final Exercise COMING_BACK_UP = new Exercise(
            "coming-back-up-gently",
            "Coming back up, gently",
            "Small movements to bring some energy back.",
            2,
            List.of(new Exercise.Step("Start small", "Wiggle your fingers and toes.", 20)));

    public final List<WindowOfTolerance> asked = new CopyOnWriteArrayList<>();

    /** When set, the library behaves as if it did not answer. */
    public volatile boolean down;

    public void reset() {
        asked.clear();
        down = false;
    }

    @Override
    public Optional<Exercise> regulationExercise(Caller client, WindowOfTolerance window) {
        asked.add(window);
        if (down) {
            return Optional.empty();
        }
        return switch (window) {
            case HYPER -> Optional.of(BREATHING);
            case HYPO -> Optional.of(COMING_BACK_UP);
            case WITHIN -> Optional.empty();
        };
    }
}
