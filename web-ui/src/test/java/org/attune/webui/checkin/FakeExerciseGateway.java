package org.attune.webui.checkin;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.attune.webui.security.Caller;

/** An in-memory library for browserless view tests: it recommends whatever the test put in {@link #next}. */
public class FakeExerciseGateway implements ExerciseGateway {

    public static final Exercise BREATHING = new Exercise(
            "paced-breathing",
            "Paced breathing",
            "Two minutes of breathing with a slightly longer out-breath.",
            2,
            List.of(
                    new Exercise.Step("Breathe in for four", "Gently, through your nose.", 4),
                    new Exercise.Step("Breathe out for six", "Slowly, as if fogging a window.", 6)),
            "You checked in as hyper-aroused. This 2-minute practice, \"Paced breathing\", may help your body settle"
                    + " a little, if you'd like to try it.");

    public static final Exercise COMING_BACK_UP = new Exercise(
            "coming-back-up-gently",
            "Coming back up, gently",
            "Small movements to bring some energy back.",
            2,
            List.of(new Exercise.Step("Start small", "Wiggle your fingers and toes.", 20)),
            null);

    /** When each check-in whose recommendation was asked for was sent. */
    public final List<Instant> asked = new CopyOnWriteArrayList<>();

    /** What content-service recommended; null when it recommended nothing (or did not answer). */
    public volatile Exercise next;

    /** While set and not counted down, the library takes its time: the answer waits for the test. */
    public volatile CountDownLatch slowLibrary;

    public void reset() {
        asked.clear();
        next = null;
        slowLibrary = null;
    }

    @Override
    public Optional<Exercise> recommendedAfterCheckIn(Caller client, Instant sentAt) {
        asked.add(sentAt);
        var slow = slowLibrary;
        if (slow != null) {
            try {
                slow.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return Optional.ofNullable(next);
    }
}
