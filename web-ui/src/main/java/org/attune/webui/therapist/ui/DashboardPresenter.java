package org.attune.webui.therapist.ui;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.attune.events.DataClass;
import org.attune.webui.account.Account;
import org.attune.webui.account.Accounts;
import org.attune.webui.consent.Grants;
import org.attune.webui.library.ReflectionAnswers;
import org.attune.webui.library.ReflectionAnswers.SharedAnswer;
import org.attune.webui.library.Reply;
import org.attune.webui.progress.Goal;
import org.attune.webui.progress.GoalsGateway;
import org.attune.webui.progress.ProgressData;
import org.attune.webui.progress.ProgressGateway;
import org.attune.webui.security.Caller;
import org.attune.webui.therapist.AssignmentItem;
import org.attune.webui.therapist.ClientSchedule;
import org.attune.webui.therapist.ClientSummary;
import org.attune.webui.therapist.FeedbackEntry;
import org.attune.webui.therapist.SafetyFlagItem;
import org.attune.webui.therapist.TherapistGateway;
import org.springframework.stereotype.Component;

/**
 * The reads behind a client's dashboard: everything at once when the page opens (or the grant or range changes), and
 * for a live signal only the part that signal changed, so the open page follows a check-in with one narrow read.
 * Nothing here is kept between calls: the page holds the ids and what it shows, not the services' answers.
 */
@Component
class DashboardPresenter {

    static final Set<DataClass> PROGRESS_CLASSES =
            EnumSet.of(DataClass.MOOD_CHECKINS, DataClass.INSTRUMENT_SCORES, DataClass.SESSION_FEEDBACK);

    /** Everything the page shows when it opens, gathered without touching components (so off the UI thread). */
    record Snapshot(
            Set<DataClass> classes,
            String clientName,
            Optional<ClientSummary> summary,
            Optional<List<SafetyFlagItem>> flags,
            Optional<List<FeedbackEntry>> feedback,
            Optional<ProgressData> progress,
            Optional<List<Goal>> goals,
            Optional<List<AssignmentItem>> assignments,
            ClientSchedule schedule,
            Optional<Reply<List<SharedAnswer>>> reflections) {}

    private final Grants grants;
    private final Accounts accounts;
    private final TherapistGateway gateway;
    private final ProgressGateway progress;
    private final GoalsGateway goals;
    private final ReflectionAnswers answers;

    DashboardPresenter(
            Grants grants,
            Accounts accounts,
            TherapistGateway gateway,
            ProgressGateway progress,
            GoalsGateway goals,
            ReflectionAnswers answers) {
        this.grants = grants;
        this.accounts = accounts;
        this.gateway = gateway;
        this.progress = progress;
        this.goals = goals;
        this.answers = answers;
    }

    /** The data classes this therapist's active grant covers, or empty: then nothing of the client is read. */
    Optional<Set<DataClass>> sharedClasses(Caller therapist, UUID clientId) {
        if (clientId == null) {
            return Optional.empty();
        }
        var id = clientId.toString();
        return grants.activeFor(therapist).stream()
                .filter(g -> g.clientId().equals(id))
                .findFirst()
                .map(g -> Set.copyOf(g.dataClasses()));
    }

    Optional<Snapshot> load(Caller therapist, UUID clientId, LocalDate from, LocalDate to) {
        var shared = sharedClasses(therapist, clientId);
        if (shared.isEmpty()) {
            return Optional.empty();
        }
        var classes = shared.get();
        // The reads are independent: asked side by side, the page waits for the slowest, not for the sum.
        try (var reads = Executors.newVirtualThreadPerTaskExecutor()) {
            var name = reads.submit(
                    () -> accounts.byId(clientId).map(Account::displayName).orElse("—"));
            var summary = reads.submit(() -> gateway.summary(therapist, clientId));
            var flags = reads.submit(() -> classes.contains(DataClass.SAFETY_ALERTS)
                    ? gateway.safetyFlags(therapist, clientId)
                    : Optional.<List<SafetyFlagItem>>empty());
            var feedback = reads.submit(() -> classes.contains(DataClass.SESSION_FEEDBACK)
                    ? gateway.sessionFeedback(therapist, clientId)
                    : Optional.<List<FeedbackEntry>>empty());
            var charts = reads.submit(() -> progress(therapist, clientId, classes, from, to));
            var goalList = reads.submit(() -> goals(therapist, clientId, classes));
            var assigned = reads.submit(() -> classes.contains(DataClass.CONTENT_ACTIVITY)
                    ? gateway.assignments(therapist, clientId)
                    : Optional.<List<AssignmentItem>>empty());
            // The rhythm belongs to the link itself (any active grant), not to one data class.
            var schedule = reads.submit(() -> gateway.sessionSchedule(therapist, clientId));
            var reflections = reads.submit(() -> classes.contains(DataClass.NOTES)
                    ? Optional.of(answers.sharedBy(therapist, clientId))
                    : Optional.<Reply<List<SharedAnswer>>>empty());
            return Optional.of(new Snapshot(
                    classes,
                    done(name),
                    done(summary),
                    done(flags),
                    done(feedback),
                    done(charts),
                    done(goalList),
                    done(assigned),
                    done(schedule),
                    done(reflections)));
        }
    }

    /** The narrow read behind the "last check-in" line. */
    Optional<ClientSummary> summary(Caller therapist, UUID clientId) {
        return gateway.summary(therapist, clientId);
    }

    Optional<ProgressData> progress(
            Caller therapist, UUID clientId, Set<DataClass> classes, LocalDate from, LocalDate to) {
        return classes.stream().anyMatch(PROGRESS_CLASSES::contains)
                ? progress.ofClient(therapist, clientId, from, to)
                : Optional.empty();
    }

    /** Goal ratings are an outcome measure, shared with the questionnaire scores. */
    Optional<List<Goal>> goals(Caller therapist, UUID clientId, Set<DataClass> classes) {
        return classes.contains(DataClass.INSTRUMENT_SCORES) ? goals.ofClient(therapist, clientId) : Optional.empty();
    }

    Optional<List<SafetyFlagItem>> flags(Caller therapist, UUID clientId) {
        return gateway.safetyFlags(therapist, clientId);
    }

    Optional<List<FeedbackEntry>> feedback(Caller therapist, UUID clientId) {
        return gateway.sessionFeedback(therapist, clientId);
    }

    boolean acknowledge(Caller therapist, UUID clientId, String flagId) {
        return gateway.acknowledge(therapist, clientId, flagId);
    }

    static Optional<UUID> uuid(String text) {
        try {
            return Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static <T> T done(Future<T> read) {
        try {
            return read.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while reading the dashboard", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        }
    }
}
