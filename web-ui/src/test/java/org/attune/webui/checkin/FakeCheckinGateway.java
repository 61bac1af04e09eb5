package org.attune.webui.checkin;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.attune.webui.security.Caller;

/** An in-memory checkin-service for browserless view tests: records what the views send, answers as told. */
public class FakeCheckinGateway implements CheckinGateway {

    public record SentCheckIn(Caller client, CheckInForm form, String idempotencyKey) {}

    public record Shared(String feedbackId, boolean includeComment) {}

    public record Range(LocalDate from, LocalDate to) {}

    public final List<SentCheckIn> checkInsSent = new CopyOnWriteArrayList<>();
    public final AtomicInteger helpNowCalls = new AtomicInteger();
    public final List<Map<String, Integer>> answersSent = new CopyOnWriteArrayList<>();
    public final List<FeedbackForm> feedbackSent = new CopyOnWriteArrayList<>();
    public final List<Shared> shared = new CopyOnWriteArrayList<>();
    public final List<Range> rangesAsked = new CopyOnWriteArrayList<>();

    /** When set, every call behaves as if checkin-service did not answer. */
    public volatile boolean down;

    public volatile List<Outcome.FieldProblem> checkInProblems = List.of();
    public volatile List<Instrument> instruments = List.of();
    public volatile QuestionnaireResult questionnaireResult;
    public volatile boolean ruptureSignal;
    public volatile List<CheckInEntry> storedCheckIns = List.of();
    public volatile List<FeedbackEntry> storedFeedback = List.of();

    public void reset() {
        checkInsSent.clear();
        helpNowCalls.set(0);
        answersSent.clear();
        feedbackSent.clear();
        shared.clear();
        rangesAsked.clear();
        down = false;
        checkInProblems = List.of();
        instruments = List.of();
        questionnaireResult = null;
        ruptureSignal = false;
        storedCheckIns = List.of();
        storedFeedback = List.of();
    }

    @Override
    public Outcome<String> recordCheckIn(Caller client, CheckInForm form, String idempotencyKey) {
        if (down) {
            return new Outcome.Unavailable<>();
        }
        if (!checkInProblems.isEmpty()) {
            return new Outcome.Invalid<>(checkInProblems);
        }
        checkInsSent.add(new SentCheckIn(client, form, idempotencyKey));
        return new Outcome.Done<>("check-in-" + checkInsSent.size());
    }

    @Override
    public Optional<List<CheckInEntry>> checkIns(Caller client, LocalDate from, LocalDate to) {
        rangesAsked.add(new Range(from, to));
        return down ? Optional.empty() : Optional.of(storedCheckIns);
    }

    @Override
    public boolean raiseHelpNow(Caller client) {
        helpNowCalls.incrementAndGet();
        return !down;
    }

    @Override
    public Optional<List<Instrument>> instruments(Caller client) {
        return down ? Optional.empty() : Optional.of(instruments);
    }

    @Override
    public Outcome<QuestionnaireResult> respond(Caller client, String code, Map<String, Integer> answers) {
        if (down) {
            return new Outcome.Unavailable<>();
        }
        answersSent.add(answers);
        return new Outcome.Done<>(questionnaireResult);
    }

    @Override
    public Outcome<FeedbackEntry> recordFeedback(Caller client, FeedbackForm form) {
        if (down) {
            return new Outcome.Unavailable<>();
        }
        feedbackSent.add(form);
        int total = form.heard() + form.goals() + form.approach() + form.overall();
        return new Outcome.Done<>(new FeedbackEntry(
                "feedback-" + feedbackSent.size(),
                null,
                form.sessionDate(),
                total,
                40,
                ruptureSignal,
                form.share(),
                form.heard(),
                form.goals(),
                form.approach(),
                form.overall(),
                form.text()));
    }

    @Override
    public boolean shareFeedback(Caller client, String feedbackId, boolean includeComment) {
        if (down) {
            return false;
        }
        shared.add(new Shared(feedbackId, includeComment));
        return true;
    }

    @Override
    public Optional<List<FeedbackEntry>> feedback(Caller client, LocalDate from, LocalDate to) {
        return down ? Optional.empty() : Optional.of(new ArrayList<>(storedFeedback));
    }
}
