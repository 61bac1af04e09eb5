package org.attune.checkin.feedback;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.attune.checkin.web.RecordedAt;
import org.attune.events.AttuneEvent;
import org.attune.events.RuptureReason;
import org.attune.events.SessionFeedbackRecorded;
import org.attune.events.SessionFeedbackShared;
import org.attune.kit.outbox.Outbox;
import org.attune.kit.outbox.OutboxRelay;
import org.attune.kit.security.Caller;
import org.attune.kit.web.FieldRules;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
class SessionFeedbackController {

    static final int MAX_TEXT_LENGTH = 2000;

    private final SessionFeedbackStore store;
    private final SessionCheck check;
    private final OutboxRelay relay;
    private final Clock clock;

    SessionFeedbackController(SessionFeedbackStore store, SessionCheck check, OutboxRelay relay, Clock clock) {
        this.store = store;
        this.check = check;
        this.relay = relay;
        this.clock = clock;
    }

    record FeedbackRequest(
            Integer heard,
            Integer goals,
            Integer approach,
            Integer overall,
            LocalDate sessionDate,
            String text,
            String comment,
            Boolean shareComment,
            Boolean shareWithTherapist,
            Instant recordedAt) {

        /** {@code shareWithTherapist} is the older name of {@code shareComment}; either shares the words. */
        boolean shared() {
            return Boolean.TRUE.equals(shareComment) || Boolean.TRUE.equals(shareWithTherapist);
        }

        /** The answers keyed by the definition's item ids (a missing one is absent). */
        Map<String, Integer> answers() {
            var answers = new HashMap<String, Integer>();
            answers.put("heard", heard);
            answers.put("goals", goals);
            answers.put("approach", approach);
            answers.put("overall", overall);
            answers.values().removeIf(java.util.Objects::isNull);
            return answers;
        }

        /** The client's words, if any (blank is none). */
        String words() {
            String given = comment != null ? comment : text;
            return given == null || given.isBlank() ? null : given;
        }

        /** Checks every rule; returns the moment the feedback is about (now unless backdated). */
        Instant validate(Instant now, SessionCheck check) {
            var rules = new FieldRules();
            var today = LocalDate.ofInstant(now, ZoneOffset.UTC);
            var at = RecordedAt.resolve(recordedAt, now, rules);
            check.check(answers(), rules);
            rules.maxLength("text", text, MAX_TEXT_LENGTH);
            rules.maxLength("comment", comment, MAX_TEXT_LENGTH);
            if (text != null && comment != null) {
                rules.add("comment", "give either comment or text (its older name), not both");
            }
            if (sessionDate != null && sessionDate.isAfter(today.plusDays(1))) {
                rules.add("sessionDate", "must not be in the future");
            }
            rules.throwIfAny();
            return at;
        }
    }

    @Operation(summary = "Record a session connection check; a dip against the client's own baseline signals a rupture")
    @PostMapping("/api/v1/session-feedback")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<FeedbackView> record(@AuthenticationPrincipal Jwt jwt, @RequestBody FeedbackRequest body) {
        var clientId = Caller.of(jwt).id();
        var now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        // The feedback is about recordedAt (possibly backdated): the baseline is the three before it; the event is now.
        var recordedAt = body.validate(now, check);
        int total = check.total(body.answers());
        int maxTotal = check.maxTotal();
        boolean shared = body.shared();
        String text = body.words();
        return store.latestBefore(clientId, recordedAt, RuptureSignal.BASELINE_SIZE)
                .map(SessionFeedback::total)
                .collectList()
                .flatMap(previous -> {
                    RuptureReason reason = RuptureSignal.detect(total, maxTotal, previous);
                    var id = UUID.randomUUID();
                    var events = new ArrayList<AttuneEvent>();
                    events.add(new SessionFeedbackRecorded(
                            UUID.randomUUID(),
                            now,
                            AttuneEvent.CURRENT_SCHEMA_VERSION,
                            clientId,
                            id,
                            total,
                            maxTotal,
                            reason != null,
                            reason,
                            shared,
                            body.sessionDate()));
                    // Words shared at once travel the same way as words shared later: only in SessionFeedbackShared.
                    if (shared && text != null) {
                        events.add(new SessionFeedbackShared(
                                UUID.randomUUID(), now, AttuneEvent.CURRENT_SCHEMA_VERSION, clientId, id, text));
                    }
                    return store.insert(new SessionFeedback(
                            id.toString(),
                            clientId,
                            body.heard(),
                            body.goals(),
                            body.approach(),
                            body.overall(),
                            total,
                            maxTotal,
                            reason != null,
                            reason,
                            shared,
                            body.sessionDate(),
                            text,
                            recordedAt,
                            Outbox.of(now, events)));
                })
                .doOnNext(stored -> relay.publishSoon(SessionFeedback.COLLECTION, stored.id(), stored.outbox()))
                .map(FeedbackView::of);
    }

    /**
     * The recorded check. With a rupture signal, {@code invitation} offers the client words to bring it up; the
     * check is Attune's own and not a validated instrument, which {@code about} says.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record FeedbackView(
            String id,
            int total,
            int maxTotal,
            RuptureView ruptureSignal,
            boolean sharedWithTherapist,
            boolean commentShared,
            LocalDate sessionDate,
            Instant recordedAt,
            String about,
            String invitation) {

        record RuptureView(boolean signal, RuptureReason reason) {}

        static FeedbackView of(SessionFeedback f) {
            return new FeedbackView(
                    f.id(),
                    f.total(),
                    f.maxTotal(),
                    new RuptureView(f.ruptureSignal(), f.ruptureReason()),
                    f.sharedWithTherapist(),
                    f.sharedWithTherapist(),
                    f.sessionDate(),
                    f.recordedAt(),
                    "This is Attune's own short check, not a validated questionnaire.",
                    f.ruptureSignal()
                            ? "It sounds like this session may not have felt quite right. That is worth saying, and"
                                    + " a good therapist wants to hear it. You could start with: \"Something about"
                                    + " last session didn't sit right with me, and I'd like to talk about it.\""
                            : null);
        }
    }
}
